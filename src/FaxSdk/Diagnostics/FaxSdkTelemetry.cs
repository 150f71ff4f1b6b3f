using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;

namespace FaxSdk.Diagnostics;

/// <summary>FaxSdk's <see cref="ActivitySource"/>, <see cref="Meter"/> and instruments (names in <see cref="FaxSdkDiagnostics"/>).</summary>
internal static class FaxSdkTelemetry
{
    private static readonly string? Version = typeof(FaxSdkTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The activity source.</summary>
    internal static readonly ActivitySource ActivitySource = new(FaxSdkDiagnostics.ActivitySourceName, Version);

    /// <summary>The meter.</summary>
    internal static readonly Meter Meter = new(FaxSdkDiagnostics.MeterName, Version);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        FaxSdkDiagnostics.RequestsInstrument, "{request}", "Provider HTTP requests, by outcome (retries inside a request count once).");

    private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        FaxSdkDiagnostics.RequestDurationInstrument, "s", "Duration of provider HTTP requests, retries and their delays included.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    private static readonly Counter<long> JobStateTransitions = Meter.CreateCounter<long>(
        FaxSdkDiagnostics.JobStateTransitionsInstrument, "{transition}", "Canonical job state changes observed.");

    /// <summary>Starts the activity of one provider HTTP request, when someone listens.</summary>
    internal static Activity? StartRequest(string provider, string instance, HttpRequestMessage request, string? jobId)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(FaxSdkDiagnostics.RequestActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = $"{provider} {request.Method.Method}";
            activity.SetTag(FaxSdkDiagnostics.ProviderTag, provider);
            activity.SetTag(FaxSdkDiagnostics.InstanceTag, instance);
            activity.SetTag(FaxSdkDiagnostics.HttpMethodTag, request.Method.Method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
            }

            if (jobId is not null)
            {
                activity.SetTag(FaxSdkDiagnostics.JobIdTag, jobId);
            }
        }

        return activity;
    }

    /// <summary>Records the end of one provider HTTP request on its activity and the request instruments.</summary>
    internal static void RecordRequest(Activity? activity, string provider, string instance, string method, HttpStatusCode? status, Exception? error, TimeSpan elapsed)
    {
        var outcome = error is null ? "success" : Outcome(error);
        if (activity is not null)
        {
            activity.SetTag(FaxSdkDiagnostics.OutcomeTag, outcome);
            if (status is { } code)
            {
                activity.SetTag(FaxSdkDiagnostics.HttpStatusCodeTag, (int)code);
            }

            if (error is not null)
            {
                activity.SetTag(FaxSdkDiagnostics.ErrorTypeTag, error.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        if (!Requests.Enabled && !RequestDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { FaxSdkDiagnostics.ProviderTag, provider },
            { FaxSdkDiagnostics.InstanceTag, instance },
            { FaxSdkDiagnostics.HttpMethodTag, method },
            { FaxSdkDiagnostics.OutcomeTag, outcome },
        };
        if (status is { } statusCode)
        {
            tags.Add(FaxSdkDiagnostics.HttpStatusCodeTag, (int)statusCode);
        }

        Requests.Add(1, tags);
        RequestDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>
    /// Adds a retry event to the current FaxSdk request activity (Polly's telemetry counts and logs the retry itself).
    /// </summary>
    internal static void AddRetryEvent(int attempt, string reason, TimeSpan delay)
    {
        if (Activity.Current is { IsAllDataRequested: true } activity && activity.Source == ActivitySource)
        {
            activity.AddEvent(new ActivityEvent(FaxSdkDiagnostics.RetryEventName, tags: new ActivityTagsCollection
            {
                { FaxSdkDiagnostics.RetryAttemptTag, attempt },
                { FaxSdkDiagnostics.RetryReasonTag, reason },
                { "faxsdk.retry.delay_ms", delay.TotalMilliseconds },
            }));
        }
    }

    /// <summary>Records that a job was seen to move from one canonical state to another.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="instance">The instance name.</param>
    /// <param name="from">The state seen before.</param>
    /// <param name="to">The state seen now.</param>
    internal static void RecordStateTransition(string provider, string instance, FaxJobState from, FaxJobState to)
    {
        if (!JobStateTransitions.Enabled)
        {
            return;
        }

        JobStateTransitions.Add(1, new TagList
        {
            { FaxSdkDiagnostics.ProviderTag, provider },
            { FaxSdkDiagnostics.InstanceTag, instance },
            { FaxSdkDiagnostics.JobStateFromTag, StateName(from) },
            { FaxSdkDiagnostics.JobStateToTag, StateName(to) },
        });
    }

    /// <summary>The <see cref="FaxSdkDiagnostics.OutcomeTag"/> value for an exception.</summary>
    internal static string Outcome(Exception error) => error switch
    {
        FaxJobNotFoundException => "not_found",
        FaxAuthenticationException { IsForbidden: true } => "forbidden",
        FaxAuthenticationException => "unauthorized",
        FaxRateLimitedException => "rate_limited",
        FaxProviderUnavailableException => "unavailable",
        FaxProtocolException => "protocol_error",
        FaxSdkException => "failed",
        OperationCanceledException => "canceled",
        _ => "error",
    };

    /// <summary>The JSON name of a state, as used in tags.</summary>
    internal static string StateName(FaxJobState state) => state switch
    {
        FaxJobState.Unknown => "unknown",
        FaxJobState.Pending => "pending",
        FaxJobState.InProgress => "inProgress",
        FaxJobState.Paused => "paused",
        FaxJobState.Succeeded => "succeeded",
        FaxJobState.PartiallySucceeded => "partiallySucceeded",
        FaxJobState.Failed => "failed",
        FaxJobState.Canceled => "canceled",
        _ => ((int)state).ToString(CultureInfo.InvariantCulture),
    };
}
