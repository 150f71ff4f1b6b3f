using System.Text.Json;

namespace FaxSdk.Pantarey;

/// <summary>
/// The root <c>test</c> flag of a push body (FaxSdk's push contract): one boolean. The first problem met is the one
/// reported: a first <c>test</c> that is not a boolean, else a second <c>test</c>.
/// </summary>
internal struct PantareyTestFlag
{
    private int _seen;
    private string? _problem;

    /// <summary>The flag, or <see langword="null"/> when it is missing or has a problem.</summary>
    public bool? Value { get; private set; }

    /// <summary>Why there is no flag, worded to follow "the push ".</summary>
    public readonly string Problem => _problem ?? "has no \"test\"";

    /// <summary>Notes one root <c>test</c> member whose value starts with <paramref name="token"/>.</summary>
    /// <param name="token">The value's first token.</param>
    public void Observe(JsonTokenType token)
    {
        if (_problem is not null)
        {
            return;
        }

        if (_seen++ > 0)
        {
            _problem = "has \"test\" twice";
            Value = null;
        }
        else if (token is JsonTokenType.True or JsonTokenType.False)
        {
            Value = token == JsonTokenType.True;
        }
        else
        {
            _problem = "has a \"test\" that is not true or false";
        }
    }
}
