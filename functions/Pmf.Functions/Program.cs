using Microsoft.Extensions.Hosting;
using Pmf.Functions;

FunctionsHost.Build(args).Run();
