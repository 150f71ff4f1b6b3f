namespace FaxSdk.Retarus;

/// <summary>A Retarus processing region; it selects the data centres status queries and deletions go to.</summary>
public enum RetarusRegion
{
    /// <summary>Germany: DE1 (Frankfurt) and DE2 (Munich).</summary>
    Germany,

    /// <summary>USA: US1 (Ashburn) and US2 (Secaucus).</summary>
    UnitedStates,

    /// <summary>Switzerland: CH1.</summary>
    Switzerland,

    /// <summary>Singapore: SG1.</summary>
    Singapore,
}
