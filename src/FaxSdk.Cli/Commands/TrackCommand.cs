using System.CommandLine;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus track</c>: durable tracking in a SQLite or PostgreSQL store, shared by any number of processes.</summary>
internal static class TrackCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("track", """
            Track jobs in a durable store that survives restarts and that several processes share: 'track add' puts jobs
            in the store, 'track run' polls them until they are final (run it in as many processes as you like), and
            'track list' shows where each one stands. STORE is sqlite:PATH or postgres:CONNECTION-STRING.
            Example: faxstatus track add --store sqlite:fax.db --provider phaxio 1001 1002
            """);
        command.Subcommands.Add(TrackAddCommand.Create(console));
        command.Subcommands.Add(TrackRunCommand.Create(console));
        command.Subcommands.Add(TrackListCommand.Create(console));
        return command;
    }
}
