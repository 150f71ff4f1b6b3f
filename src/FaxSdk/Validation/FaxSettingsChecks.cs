using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FaxSdk.Resilience;
using FaxSdk.Transport;
using Microsoft.Extensions.Options;

namespace FaxSdk.Validation;

/// <summary>
/// The checks of the shared provider settings: their data annotations (generated validators) and the rules
/// annotations cannot express. Every message names the setting by its configuration path.
/// </summary>
internal static partial class FaxSettingsChecks
{
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan HalfSecond = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest <see cref="FaxProviderOptions.MaxResponseBytes"/> (1 GiB): the body is read into one array.</summary>
    internal const long MaxResponseBytesLimit = 1L << 30;

    /// <summary>The problems of the shared settings of <paramref name="options"/>, found at configuration <paramref name="path"/>.</summary>
    public static IEnumerable<string> SharedProblems(FaxProviderOptions options, string path)
    {
        var problems = Annotations(new FaxProviderOptionsAnnotations().Validate(path, options), path);
        if (options.BaseAddress is { } address)
        {
            if (EndpointProblem(address, options.AllowInsecureHttp) is { } problem)
            {
                problems.Add($"{Key(path, nameof(options.BaseAddress))}: {problem}");
            }
        }
        else if (options.RequiresBaseAddress)
        {
            problems.Add($"{Key(path, nameof(options.BaseAddress))}: is required.");
        }

        // Upper bounds too: a larger size cap overflowed the read's buffer arithmetic (every body read as empty), and a
        // longer timeout is refused by HttpClient.Timeout and CancellationTokenSource at the first call.
        if (options.MaxResponseBytes is <= 0 or > MaxResponseBytesLimit)
        {
            problems.Add($"{Key(path, nameof(options.MaxResponseBytes))}: must be positive and at most 1 GiB.");
        }

        if ((options.Timeout <= TimeSpan.Zero || options.Timeout > Day) && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{Key(path, nameof(options.Timeout))}: must be positive and at most 1 day (or infinite).");
        }

        if (options.Resilience is { } resilience)
        {
            problems.AddRange(ResilienceRules(resilience, Key(path, nameof(options.Resilience))));
        }

        return problems;
    }

    /// <summary>The problems of resilience settings on their own (their annotations and the rules between them).</summary>
    public static List<string> ResilienceProblems(FaxResilienceOptions options, string path)
    {
        var problems = Annotations(new FaxResilienceOptionsAnnotations().Validate(path, options), path);
        problems.AddRange(ResilienceRules(options, path));
        return problems;
    }

    /// <summary>The problems a provider reports itself: its validator's failures and its own rules.</summary>
    public static IEnumerable<string> ProviderProblems<TOptions>(TOptions options, string path, IValidateOptions<TOptions>? validator)
        where TOptions : FaxProviderOptions
    {
        var problems = validator is null ? [] : Annotations(validator.Validate(path, options), path);
        foreach (var result in options.ValidateProviderSettings())
        {
            if (result is { ErrorMessage: { } message })
            {
                problems.Add(result.MemberNames.FirstOrDefault() is { Length: > 0 } member ? $"{Key(path, member)}: {message}" : $"{path}: {message}");
            }
        }

        return problems;
    }

    /// <summary>Why an endpoint cannot be used (not absolute http(s), or plain http to another machine), or <see langword="null"/>.</summary>
    public static string? EndpointProblem(Uri address, bool allowInsecureHttp)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http(s) URL.";
        }

        return address.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !FaxEndpointPolicy.IsLoopback(address)
            ? $"refusing plain http to '{address.Host}': credentials would travel unencrypted. Use https, or set AllowInsecureHttp for a trusted network."
            : null;
    }

    /// <summary><c>{path}:{member}</c>.</summary>
    public static string Key(string path, string member) => $"{path}:{member}";

    private static IEnumerable<string> ResilienceRules(FaxResilienceOptions options, string path)
    {
        foreach (var (name, value) in new[] { (nameof(options.TotalTimeout), options.TotalTimeout), (nameof(options.AttemptTimeout), options.AttemptTimeout) })
        {
            if (value != Timeout.InfiniteTimeSpan && (value < ShortestTimeout || value > Day))
            {
                yield return $"{Key(path, name)}: must be between 10 ms and 1 day (or infinite).";
            }
        }

        // TimeSpan ranges are checked here: RangeAttribute(typeof(TimeSpan), …) is not trim-safe.
        foreach (var (name, value, min) in new[]
        {
            (nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero),
            (nameof(options.RetryMaxDelay), options.RetryMaxDelay, TimeSpan.Zero),
            (nameof(options.MaxRetryAfter), options.MaxRetryAfter, TimeSpan.Zero),
            (nameof(options.CircuitBreakerSamplingDuration), options.CircuitBreakerSamplingDuration, HalfSecond),
            (nameof(options.CircuitBreakerBreakDuration), options.CircuitBreakerBreakDuration, HalfSecond),
        })
        {
            if (value < min || value > Day)
            {
                yield return min == TimeSpan.Zero
                    ? $"{Key(path, name)}: must be between 0 and 1 day."
                    : $"{Key(path, name)}: must be between 0.5 s and 1 day.";
            }
        }

        if (options.TotalTimeout != Timeout.InfiniteTimeSpan && options.AttemptTimeout != Timeout.InfiniteTimeSpan && options.AttemptTimeout > options.TotalTimeout)
        {
            yield return $"{Key(path, nameof(options.AttemptTimeout))}: must not be longer than {Key(path, nameof(options.TotalTimeout))}.";
        }
    }

    /// <summary>
    /// The failures of a generated validator called with the configuration path as its name: they name a setting as
    /// <c>{path}.Resilience.MaxRetryAttempts</c>, which becomes <c>{path}:Resilience:MaxRetryAttempts</c>.
    /// </summary>
    private static List<string> Annotations(ValidateOptionsResult result, string path)
    {
        if (!result.Failed || result.Failures is null)
        {
            return [];
        }

        // ValidateOptionsResultBuilder writes "{MemberName}: {message}"; the message names the whole path already.
        var memberPrefix = new Regex(@"^[\p{L}_][\p{L}\p{Nd}_]*(?:, [\p{L}_][\p{L}\p{Nd}_]*)*: (?=.*" + Regex.Escape(path) + ")", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        var member = new Regex(Regex.Escape(path) + @"(?:\.[\p{L}_][\p{L}\p{Nd}_]*)+", RegexOptions.CultureInvariant);
        return [.. result.Failures.Select(f => member.Replace(memberPrefix.Replace(f, ""), m => path + m.Value[path.Length..].Replace('.', ':')))];
    }
}
