namespace FaxSdk.Tests;
public class Smoke { [Fact] public void Terminal() => Assert.True(FaxJobState.Failed.IsTerminal()); }
