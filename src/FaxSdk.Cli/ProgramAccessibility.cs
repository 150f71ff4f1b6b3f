// faxstatus is a tool, not a library: nothing in it is public (tests reach it through InternalsVisibleTo). Without
// this declaration the ASP.NET Core source generator, which comes with the emulator's framework reference, would make
// the top-level Program class public.
internal partial class Program;
