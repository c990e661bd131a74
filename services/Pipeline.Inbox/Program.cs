using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Inbox;

var builder = Host.CreateApplicationBuilder(args);
InboxService.AddServices(builder);
builder.AddPipeline(InboxService.AddConsumers);
return await builder.Build().RunPipelineAsync();
