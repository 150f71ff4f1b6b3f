namespace FaxSdk.Testing.Providers;

/// <summary>Matches a raw (still escaped) path against a route that ends in one id segment.</summary>
internal static class RoutePath
{
    public static bool TryGetSegment(string rawPath, string routePrefix, out string id)
    {
        id = "";
        if (!rawPath.StartsWith(routePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var segment = rawPath[routePrefix.Length..];
        if (segment.Length == 0 || segment.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        id = Uri.UnescapeDataString(segment);
        return true;
    }
}
