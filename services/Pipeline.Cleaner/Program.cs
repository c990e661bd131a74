using Microsoft.Extensions.Hosting;
using Pipeline.Cleaner;
using Pipeline.Hosting;

var builder = Host.CreateApplicationBuilder(args);
CleanerService.AddServices(builder);
builder.AddPipeline(CleanerService.AddConsumers);
return await builder.Build().RunPipelineAsync();
