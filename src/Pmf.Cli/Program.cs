using Pmf.Cli;
using Spectre.Console;

return await PmfApp.RunAsync(args, PmfConsole.Create(Console.IsOutputRedirected, AnsiConsole.Console), TimeProvider.System);
