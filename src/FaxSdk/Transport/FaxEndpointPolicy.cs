using System.Net;

namespace FaxSdk.Transport;

/// <summary>Refuses plain HTTP except to this machine, so credentials are never sent in clear text by accident.</summary>
public static class FaxEndpointPolicy
{
    /// <summary>Checks that an endpoint may be used.</summary>
    /// <param name="address">The endpoint.</param>
    /// <param name="allowInsecureHttp">Allow <c>http</c> to hosts other than loopback (for a trusted internal network).</param>
    /// <param name="provider">The provider id, for the message.</param>
    /// <exception cref="ArgumentException">The address is relative, not HTTP(S), or plain HTTP to a non-loopback host.</exception>
    public static void EnsureAllowed(Uri address, bool allowInsecureHttp, string provider)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{provider}: the endpoint '{address}' must be an absolute http(s) URL.", nameof(address));
        }

        if (address.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !IsLoopback(address))
        {
            throw new ArgumentException(
                $"{provider}: refusing plain http to '{address.Host}': credentials would travel unencrypted. Use https, or set AllowInsecureHttp for a trusted network.",
                nameof(address));
        }
    }

    /// <summary>Whether the address points at this machine (localhost, 127.0.0.0/8 or ::1).</summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="true"/> for a loopback host.</returns>
    public static bool IsLoopback(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
    }
}
