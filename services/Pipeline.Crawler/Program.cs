using Microsoft.Extensions.Hosting;
using Pipeline.Crawler;
using Pipeline.Hosting;

var builder = Host.CreateApplicationBuilder(args);
CrawlerService.AddServices(builder);
builder.AddPipeline(CrawlerService.AddConsumers);
return await builder.Build().RunPipelineAsync();
