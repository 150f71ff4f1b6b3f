using FaxSdk.Generators.Model;

namespace FaxSdk.Generators.Emit
{
    /// <summary>IsRetryable (failure categories) or IsTerminal (job and recipient states), through the canonical value.</summary>
    internal static class StatePredicateEmitter
    {
        public static string Emit(MapShape shape) => shape.Model.Target == TargetKind.FailureCategory
            ? $$"""
                /// <summary>Whether a failure of this kind may succeed when sent again later (see <c>FaxStateExtensions.IsRetryable</c>).</summary>
                /// <param name="value">The member.</param>
                /// <returns><see langword="true"/> when retryable.</returns>
                {{Code.Inline}}
                public static bool IsRetryable(this {{shape.Enum}} value) => global::FaxSdk.FaxStateExtensions.IsRetryable(ToCanonical(value));
                """
            : $$"""
                /// <summary>Whether the value's canonical state is final (see <c>FaxStateExtensions.IsTerminal</c>).</summary>
                /// <param name="value">The member.</param>
                /// <returns><see langword="true"/> when terminal.</returns>
                {{Code.Inline}}
                public static bool IsTerminal(this {{shape.Enum}} value) => global::FaxSdk.FaxStateExtensions.IsTerminal(ToCanonical(value));
                """;
    }
}
