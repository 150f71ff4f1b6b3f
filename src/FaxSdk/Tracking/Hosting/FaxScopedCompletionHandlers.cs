using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk;

/// <summary>Runs the application's registered <see cref="IFaxJobCompletionHandler"/>s, in a DI scope per completion.</summary>
internal sealed class FaxScopedCompletionHandlers(IServiceScopeFactory scopes) : IFaxJobCompletionHandler
{
    public async Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IFaxJobCompletionHandler>())
            {
                await handler.HandleAsync(completion, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
