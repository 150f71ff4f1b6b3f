namespace FaxSdk;

/// <summary>Identifies one fax job: which provider (and which configured instance of it) owns it, and its id there.</summary>
public sealed record FaxJobReference
{
    /// <summary>The name of a provider instance when only one is configured.</summary>
    public const string DefaultInstance = "default";

    /// <summary>Creates a reference.</summary>
    /// <param name="provider">The provider's lowercase id, such as <c>phaxio</c>.</param>
    /// <param name="jobId">The job id as the provider spells it.</param>
    /// <param name="instance">The configured provider instance (for example one of two Phaxio accounts).</param>
    /// <param name="isTest">Whether the job was created in the provider's sandbox/test mode (Pantarey needs this to find it).</param>
    /// <exception cref="ArgumentException">The provider or instance is empty.</exception>
    /// <exception cref="FaxInvalidJobIdException"><paramref name="jobId"/> breaks the job id rule (<see cref="FaxJobIds"/>):
    /// empty, <c>.</c> or <c>..</c>, too long, or with a control character.</exception>
    public FaxJobReference(string provider, string jobId, string instance = DefaultInstance, bool isTest = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        FaxJobIds.Validate(jobId, nameof(jobId));
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        Provider = provider;
        JobId = jobId;
        Instance = instance;
        IsTest = isTest;
    }

    /// <summary>The provider's lowercase id.</summary>
    public string Provider { get; }

    /// <summary>The job id as the provider spells it.</summary>
    public string JobId { get; }

    /// <summary>The configured provider instance; <see cref="DefaultInstance"/> unless several are configured.</summary>
    public string Instance { get; }

    /// <summary>Whether the job lives in the provider's sandbox/test mode.</summary>
    public bool IsTest { get; }

    /// <inheritdoc />
    public override string ToString() => Instance == DefaultInstance ? $"{Provider}:{JobId}" : $"{Provider}/{Instance}:{JobId}";
}
