using Pipeline.Contracts;
using Pipeline.Crawler;
using Pipeline.Fetcher;
using Pipeline.Storage;

namespace Pipeline.Crawling.Tests;

public sealed class FetchStatePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CrawlerOptions Options = new() { InitialRefetchMinutes = 1440, MinRefetchMinutes = 60, MaxRefetchMinutes = 10_080, MaxErrors = 3 };

    [Fact]
    public void A_new_page_keeps_its_validators_and_comes_due_after_the_initial_interval()
    {
        var state = FetchStatePolicy.Next(null, Completed(FetchOutcome.Fetched, etag: "\"v1\"", hash: "h1"), true, Options, Now);
        Assert.Equal("\"v1\"", state.ETag);
        Assert.Equal("h1", state.ContentHash);
        Assert.Equal(TimeSpan.FromDays(1), state.RefetchInterval);
        Assert.Equal(Now.AddDays(1), state.NextDueAt);
    }

    [Fact]
    public void The_interval_halves_when_the_page_changes_and_doubles_when_it_does_not_within_bounds()
    {
        var state = FetchStatePolicy.Next(null, Completed(FetchOutcome.Fetched, hash: "h1"), true, Options, Now);
        state = FetchStatePolicy.Next(state, Completed(FetchOutcome.Fetched, hash: "h2"), true, Options, Now);
        Assert.Equal(TimeSpan.FromHours(12), state.RefetchInterval);
        for (var i = 0; i < 10; i++)
        {
            state = FetchStatePolicy.Next(state, Completed(FetchOutcome.Fetched, hash: "h" + i), true, Options, Now);
        }

        Assert.Equal(TimeSpan.FromHours(1), state.RefetchInterval);
        state = FetchStatePolicy.Next(state, Completed(FetchOutcome.NotModified), true, Options, Now);
        Assert.Equal(TimeSpan.FromHours(2), state.RefetchInterval);
        Assert.Equal("h9", state.ContentHash);
        for (var i = 0; i < 20; i++)
        {
            state = FetchStatePolicy.Next(state, Completed(FetchOutcome.Unchanged, hash: "h9"), true, Options, Now);
        }

        Assert.Equal(TimeSpan.FromDays(7), state.RefetchInterval);
    }

    [Fact]
    public void A_url_that_keeps_failing_is_parked_with_its_error()
    {
        var state = FetchStatePolicy.Next(null, Completed(FetchOutcome.Fetched, hash: "h1"), true, Options, Now);
        state = FetchStatePolicy.Next(state, Completed(FetchOutcome.TransientError, status: 500, error: "HTTP 500"), true, Options, Now);
        Assert.Equal(1, state.ErrorCount);
        Assert.False(state.Parked);
        Assert.Equal(Now.AddHours(1), state.NextDueAt);
        state = FetchStatePolicy.Next(state, Completed(FetchOutcome.PermanentError, status: 404, error: "HTTP 404"), true, Options, Now);
        state = FetchStatePolicy.Next(state, Completed(FetchOutcome.TransientError, status: 0, error: "timed out after 30 s"), true, Options, Now);
        Assert.Equal(3, state.ErrorCount);
        Assert.True(state.Parked);
        Assert.Equal("timed out after 30 s", state.LastError);
        Assert.Equal("h1", state.ContentHash);
    }

    [Fact]
    public void A_success_clears_the_error_count()
    {
        var state = FetchStatePolicy.Next(null, Completed(FetchOutcome.TransientError, status: 503, error: "HTTP 503"), true, Options, Now);
        state = FetchStatePolicy.Next(state, Completed(FetchOutcome.NotModified), true, Options, Now);
        Assert.Equal(0, state.ErrorCount);
        Assert.Null(state.LastError);
    }

    private static FetchCompleted Completed(FetchOutcome outcome, string? etag = null, string? hash = null, int status = 200, string? error = null) =>
        new(Guid.NewGuid(), "c", "https://example.com/a", 0, outcome, status, etag, null, hash, null, null, error, [], Now);
}
