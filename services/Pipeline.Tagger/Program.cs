using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Tagger;

var builder = Host.CreateApplicationBuilder(args);
TaggerService.AddServices(builder);
builder.AddPipeline(TaggerService.AddConsumers);
return await builder.Build().RunPipelineAsync();
