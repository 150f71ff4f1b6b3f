using System.Text.Json;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>The envelope's <c>data</c>: one fax object, a list of them (list responses), or another JSON value.</summary>
internal sealed class PhaxioData
{
    /// <summary>The JSON kind <c>data</c> had.</summary>
    public JsonTokenType Kind { get; init; }

    /// <summary>The fax, when <c>data</c> is an object.</summary>
    public PhaxioFax? Fax { get; init; }

    /// <summary>The faxes (null elements kept, to be reported), when <c>data</c> is an array.</summary>
    public List<PhaxioFax?>? Faxes { get; init; }
}
