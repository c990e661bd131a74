using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Store;

var builder = Host.CreateApplicationBuilder(args);
StoreService.AddServices(builder);
builder.AddPipeline(StoreService.AddConsumers);
return await builder.Build().RunPipelineAsync();
