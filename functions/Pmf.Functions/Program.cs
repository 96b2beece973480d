using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmf.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddPmfJobs(builder.Configuration);
builder.Build().Run();
