using Pmf.Cli;
using Spectre.Console;

return await PmfApp.RunAsync(args, AnsiConsole.Console, TimeProvider.System);
