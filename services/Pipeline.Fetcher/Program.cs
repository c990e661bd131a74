using Microsoft.Extensions.Hosting;
using Pipeline.Fetcher;
using Pipeline.Hosting;

var builder = Host.CreateApplicationBuilder(args);
FetcherService.AddServices(builder);
builder.AddPipeline(FetcherService.AddConsumers);
return await builder.Build().RunPipelineAsync();
