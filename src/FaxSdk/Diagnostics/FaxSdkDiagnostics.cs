namespace FaxSdk.Diagnostics;

/// <summary>
/// The names under which FaxSdk reports traces, metrics and logs. Subscribe with OpenTelemetry's
/// <c>.AddSource(FaxSdkDiagnostics.ActivitySourceName)</c> and <c>.AddMeter(FaxSdkDiagnostics.MeterName)</c>; logs go
/// to the <c>ILoggerFactory</c> registered in the container, under <see cref="ResilienceLoggerCategory"/>. Retries and
/// circuit breaker transitions are reported by Polly's own telemetry (meter and logger category <c>Polly</c>, pipeline
/// <c>FaxSdk.{provider}.{instance}-faxsdk</c>), which Microsoft.Extensions.Http.Resilience turns on. No FaxSdk telemetry
/// carries a credential, a request or response body, or a URL.
/// </summary>
/// <remarks>
/// <para>Instruments (all on the meter <see cref="MeterName"/>):</para>
/// <list type="table">
/// <listheader><term>Name (unit)</term><description>What it counts, and its tags</description></listheader>
/// <item><term><see cref="RequestsInstrument"/> (<c>{request}</c>)</term><description>Counter of provider HTTP requests
/// as the caller sees them (retries inside count once). Tags: <see cref="ProviderTag"/>, <see cref="InstanceTag"/>,
/// <see cref="HttpMethodTag"/>, <see cref="OutcomeTag"/>, and <see cref="HttpStatusCodeTag"/> when a response
/// arrived.</description></item>
/// <item><term><see cref="RequestDurationInstrument"/> (<c>s</c>)</term><description>Histogram of those requests'
/// durations in seconds, retries and their delays included. Same tags as <see cref="RequestsInstrument"/>.</description></item>
/// <item><term><see cref="JobStateTransitionsInstrument"/> (<c>{transition}</c>)</term><description>Counter of canonical
/// job state changes observed while polling. Tags: <see cref="ProviderTag"/>, <see cref="InstanceTag"/>,
/// <see cref="JobStateFromTag"/>, <see cref="JobStateToTag"/>.</description></item>
/// <item><term>Tracking (<c>faxsdk.tracking.*</c>)</term><description>Gauges of the tracking store's jobs due, leased and
/// final (<see cref="TrackingJobsDueInstrument"/>, <see cref="TrackingJobsLeasedInstrument"/>,
/// <see cref="TrackingJobsFinalInstrument"/>) and counters of final statuses stored, jobs given up and completion handler
/// failures (<see cref="TrackingJobsCompletedInstrument"/>, <see cref="TrackingJobsAbandonedInstrument"/>,
/// <see cref="TrackingHandlerFailuresInstrument"/>); see docs/tracking.md.</description></item>
/// </list>
/// <para>Traces: one <see cref="System.Diagnostics.ActivityKind.Client"/> activity named <see cref="RequestActivityName"/>
/// per provider HTTP request (the HttpClient's own per-attempt activities are its children), tagged with
/// <see cref="ProviderTag"/>, <see cref="InstanceTag"/>, <see cref="JobIdTag"/> (when the request is about one job),
/// <see cref="HttpMethodTag"/>, <c>server.address</c>, <see cref="HttpStatusCodeTag"/>, <see cref="OutcomeTag"/> and, on
/// failure, <see cref="ErrorTypeTag"/>; each retry adds an event <see cref="RetryEventName"/>.</para>
/// <para>Log event (category <see cref="ResilienceLoggerCategory"/>): 1002 <c>RetryAfterTooLong</c> (Information), when a
/// provider's <c>Retry-After</c> is longer than FaxSdk waits and the response goes back to the caller unretried.</para>
/// </remarks>
public static class FaxSdkDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: <c>FaxSdk</c>.</summary>
    public const string ActivitySourceName = "FaxSdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>FaxSdk</c>.</summary>
    public const string MeterName = "FaxSdk";

    /// <summary>The logger category of FaxSdk's own resilience log event: <c>FaxSdk.Resilience</c>.</summary>
    public const string ResilienceLoggerCategory = "FaxSdk.Resilience";

    /// <summary>The activity of one provider HTTP request: <c>FaxSdk.ProviderRequest</c>.</summary>
    public const string RequestActivityName = "FaxSdk.ProviderRequest";

    /// <summary>The activity event added for each retry: <c>faxsdk.retry</c> (tags <see cref="RetryAttemptTag"/>, <see cref="RetryReasonTag"/>, <c>faxsdk.retry.delay_ms</c>).</summary>
    public const string RetryEventName = "faxsdk.retry";

    /// <summary>Counter <c>faxsdk.requests</c>, unit <c>{request}</c>: provider HTTP requests by outcome.</summary>
    public const string RequestsInstrument = "faxsdk.requests";

    /// <summary>Histogram <c>faxsdk.request.duration</c>, unit <c>s</c>: provider HTTP request durations, retries included.</summary>
    public const string RequestDurationInstrument = "faxsdk.request.duration";

    /// <summary>Counter <c>faxsdk.job.state_transitions</c>, unit <c>{transition}</c>: canonical job state changes.</summary>
    public const string JobStateTransitionsInstrument = "faxsdk.job.state_transitions";

    /// <summary>Observable gauge <c>faxsdk.tracking.jobs.due</c>, unit <c>{job}</c>: tracked jobs due to be polled, as a tracking worker last counted them.</summary>
    public const string TrackingJobsDueInstrument = "faxsdk.tracking.jobs.due";

    /// <summary>Observable gauge <c>faxsdk.tracking.jobs.leased</c>, unit <c>{job}</c>: tracked jobs under a worker's lease, as last counted.</summary>
    public const string TrackingJobsLeasedInstrument = "faxsdk.tracking.jobs.leased";

    /// <summary>Observable gauge <c>faxsdk.tracking.jobs.final</c>, unit <c>{job}</c>: tracked jobs with a final status, as last counted.</summary>
    public const string TrackingJobsFinalInstrument = "faxsdk.tracking.jobs.final";

    /// <summary>Counter <c>faxsdk.tracking.jobs.completed</c>, unit <c>{job}</c>: final statuses this process's tracking workers stored. Tags: <see cref="ProviderTag"/>, <see cref="InstanceTag"/>.</summary>
    public const string TrackingJobsCompletedInstrument = "faxsdk.tracking.jobs.completed";

    /// <summary>Counter <c>faxsdk.tracking.jobs.abandoned</c>, unit <c>{job}</c>: jobs given up as not found (<see cref="FaxPollErrorPolicy"/>). Tags: <see cref="ProviderTag"/>, <see cref="InstanceTag"/>.</summary>
    public const string TrackingJobsAbandonedInstrument = "faxsdk.tracking.jobs.abandoned";

    /// <summary>Counter <c>faxsdk.tracking.handler_failures</c>, unit <c>{failure}</c>: completion handlers that threw (the completion is delivered again). Tags: <see cref="ProviderTag"/>, <see cref="InstanceTag"/>.</summary>
    public const string TrackingHandlerFailuresInstrument = "faxsdk.tracking.handler_failures";

    /// <summary>Tag <c>faxsdk.provider</c>: the provider id, such as <c>phaxio</c>.</summary>
    public const string ProviderTag = "faxsdk.provider";

    /// <summary>Tag <c>faxsdk.instance</c>: the configured instance name, such as <c>default</c>.</summary>
    public const string InstanceTag = "faxsdk.instance";

    /// <summary>Tag <c>faxsdk.job_id</c> (activities only, never metrics): the job asked about.</summary>
    public const string JobIdTag = "faxsdk.job_id";

    /// <summary>
    /// Tag <c>faxsdk.outcome</c>: <c>success</c>, <c>not_found</c>, <c>unauthorized</c>, <c>forbidden</c>,
    /// <c>rate_limited</c>, <c>unavailable</c>, <c>protocol_error</c>, <c>failed</c> (another provider error),
    /// <c>canceled</c> (by the caller) or <c>error</c> (anything else).
    /// </summary>
    public const string OutcomeTag = "faxsdk.outcome";

    /// <summary>Tag <c>http.request.method</c>: the HTTP method.</summary>
    public const string HttpMethodTag = "http.request.method";

    /// <summary>Tag <c>http.response.status_code</c>: the final response's status code, when one arrived.</summary>
    public const string HttpStatusCodeTag = "http.response.status_code";

    /// <summary>Tag <c>error.type</c> (activities only): the exception type's full name.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tag <c>faxsdk.retry.reason</c> (retry events only): the status code (<c>503</c>), <c>attempt_timeout</c>, or the exception type name (<c>HttpRequestException</c>).</summary>
    public const string RetryReasonTag = "faxsdk.retry.reason";

    /// <summary>Tag <c>faxsdk.retry.attempt</c> (retry events only): the number of the attempt that failed, from 1.</summary>
    public const string RetryAttemptTag = "faxsdk.retry.attempt";

    /// <summary>Tag <c>faxsdk.job.state.from</c>: the previous canonical state (its JSON name, such as <c>inProgress</c>).</summary>
    public const string JobStateFromTag = "faxsdk.job.state.from";

    /// <summary>Tag <c>faxsdk.job.state.to</c>: the new canonical state (its JSON name, such as <c>succeeded</c>).</summary>
    public const string JobStateToTag = "faxsdk.job.state.to";
}
