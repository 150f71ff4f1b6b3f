using System.Runtime.InteropServices;
using FaxSdk.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// SIGTERM (docker stop, systemd, kill) cancels the same token as Ctrl+C, so a running command stops cleanly.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await FaxStatusCli.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
