using FaxSdk.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await FaxStatusCli.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
