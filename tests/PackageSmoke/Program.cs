// A fresh console project that references only the FaxSdk *package*: the generator must come with it.
using FaxSdk;
using FaxSdk.Mapping;
using Smoke;

var parsed = SmokeStatusMap.Parse("DONE");
if (parsed != SmokeStatus.Done || parsed.ToCanonical() != FaxJobState.Succeeded || !parsed.IsTerminal())
{
    Console.Error.WriteLine($"package smoke: unexpected mapping {parsed}");
    return 1;
}

if (SmokeStatusMap.ParseUtf8("nope"u8) != SmokeStatus.Unknown || SmokeStatus.Queued.ToWire() != "queued")
{
    Console.Error.WriteLine("package smoke: unexpected unknown/wire mapping");
    return 1;
}

Console.WriteLine("package smoke: generator works from the package");
return 0;

namespace Smoke
{
    [FaxStatusMap]
    public enum SmokeStatus
    {
        [Wire("queued"), MapsTo(FaxJobState.Pending)] Queued,
        [Wire("done"), MapsTo(FaxJobState.Succeeded)] Done,
        [UnknownWire] Unknown,
    }
}
