using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Hosting.Tests;

public sealed class PipelineHostingTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pipeline-hosting-").FullName;

    [Fact]
    public void The_defaults_are_the_in_memory_transport_and_the_sqlite_store()
    {
        using var host = Build(new Dictionary<string, string?> { ["Pipeline:DataDirectory"] = directory });

        var options = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Assert.Equal(TransportKind.InMemory, options.Transport);
        Assert.IsType<SqliteDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());
        Assert.Same(host.Services.GetRequiredService<IDocumentStore>(), host.Services.GetRequiredService<ICrawlStateStore>());
        Assert.NotNull(host.Services.GetRequiredService<IBus>());
    }

    [Fact]
    public void Mongo_is_chosen_by_configuration()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Pipeline:Store"] = "Mongo",
            ["Pipeline:Mongo:ConnectionString"] = "mongodb://127.0.0.1:1/?connectTimeoutMS=100",
        });

        Assert.IsType<MongoDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public async Task Mongo_without_a_connection_string_fails_at_start_with_the_setting_named()
    {
        using var host = Build(new Dictionary<string, string?> { ["Pipeline:Store"] = "Mongo" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Pipeline:Mongo:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_phones_home_mass_transit_usage_telemetry_is_off()
    {
        using var host = Build(new Dictionary<string, string?> { ["Pipeline:DataDirectory"] = directory });

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public async Task An_unreachable_mongo_server_ends_the_host_with_one_line_and_exit_code_1()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Pipeline:Store"] = "Mongo",
            ["Pipeline:Mongo:ConnectionString"] = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300",
        });
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            exit = await host.RunPipelineAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot start: MongoDB did not answer at 127.0.0.1:1 (tried for 0.3 s", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_failures_people_fix_by_configuration_are_one_line_and_bugs_are_not()
    {
        Assert.Equal("MongoDB did not answer.", PipelineHostRunner.StartFailure(new AggregateException(new StoreUnavailableException("MongoDB did not answer."))));
        Assert.Null(PipelineHostRunner.StartFailure(new InvalidOperationException("a bug")));
    }

    [Theory]
    [InlineData("amqp://guest:secret@10.0.0.5:5999/", "10.0.0.5", 5999, "/", "guest", "secret")]
    [InlineData("amqp://bob:p%40ss@broker/prod%2Fa", "broker", 5672, "prod/a", "bob", "p@ss")]
    [InlineData("amqp://broker:5673/", "broker", 5673, "/", "guest", "guest")]
    public void A_broker_url_overrides_the_separate_settings(string url, string host, int port, string vhost, string user, string password)
    {
        var resolved = new RabbitMqSettings { Url = url }.Resolve();

        Assert.Equal((host, port, vhost, user, password), (resolved.Host, resolved.Port, resolved.VirtualHost, resolved.Username, resolved.Password));
    }

    [Fact]
    public void A_url_that_is_not_amqp_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RabbitMqSettings { Url = "http://broker/" }.Resolve());
        Assert.Contains("amqp://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_background_service_that_throws_stops_the_host_with_a_non_zero_exit_code()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:DataDirectory"] = directory });
        builder.Services.AddHostedService<FailingService>();
        builder.AddPipeline(_ => { });
        using var host = builder.Build();
        try
        {
            await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(70, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task A_bus_that_cannot_reach_its_broker_stops_the_process_with_a_non_zero_exit_code()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = directory,
            ["Pipeline:Transport"] = "RabbitMq",
            ["Pipeline:RabbitMq:Url"] = "amqp://guest:guest@127.0.0.1:1/",
            ["Pipeline:RabbitMq:UnhealthyExitSeconds"] = "3",
        });
        try
        {
            await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(71, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPipeline(_ => { });
        return builder.Build();
    }

    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Delay(50, stoppingToken);
            throw new FileNotFoundException("gone.txt");
        }
    }
}
