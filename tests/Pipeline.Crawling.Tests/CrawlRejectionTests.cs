using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Crawler;

namespace Pipeline.Crawling.Tests;

/// <summary>A crawled page a stage rejects is reported once, by the crawler; other sources are left to their owners.</summary>
public sealed class CrawlRejectionTests
{
    [Fact]
    public async Task A_rejected_crawled_page_is_one_warning_naming_the_url_the_stage_and_the_reason_and_an_inbox_file_is_not_reported()
    {
        var lines = new List<string>();
        await using var provider = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new WarningLines(lines)))
            .AddMassTransitTestHarness(bus => bus.AddConsumer<CrawlRejectionConsumer>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var now = DateTimeOffset.UtcNow;
        await harness.Bus.Publish(new DocumentRejected(Guid.NewGuid(), new DocumentSource("web", "https://example.org/a.pdf", "example.org/a.pdf"), "cleaner", "corrupt", "no PDF header", now));
        await harness.Bus.Publish(new DocumentRejected(Guid.NewGuid(), new DocumentSource("inbox", "inbox:///b.pdf", "b.pdf"), "cleaner", "corrupt", "no PDF header", now));

        var consumer = harness.GetConsumerHarness<CrawlRejectionConsumer>();
        Assert.True(await consumer.Consumed.Any<DocumentRejected>(m => m.Context.Message.Source.Kind == "inbox"));
        Assert.True(await consumer.Consumed.Any<DocumentRejected>(m => m.Context.Message.Source.Kind == "web"));
        await harness.Stop();
        Assert.Equal(["https://example.org/a.pdf rejected at cleaner: corrupt (no PDF header)"], lines);
    }

    private sealed class WarningLines(List<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(CrawlRejectionConsumer).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
