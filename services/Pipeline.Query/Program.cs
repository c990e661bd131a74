using Pipeline.Hosting;
using Pipeline.Query;

var builder = WebApplication.CreateBuilder(args);
QueryService.AddServices(builder);
builder.AddPipeline(QueryService.AddConsumers);
var app = builder.Build();
QueryService.Map(app);
return await app.RunPipelineAsync();

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
