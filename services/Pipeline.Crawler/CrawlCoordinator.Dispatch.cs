using MassTransit;
using Pipeline.Contracts;
using Pipeline.Fetcher;
using Pipeline.Storage;

namespace Pipeline.Crawler;

/// <summary>Picking the next URL per host, and the work done inside a host's slot.</summary>
internal sealed partial class CrawlCoordinator
{
    /// <summary>Starts everything that may start now; returns how long to sleep before looking again.</summary>
    private TimeSpan DispatchReady()
    {
        var now = clock.GetUtcNow();
        var next = DateTimeOffset.MaxValue;
        var stuckAfter = TimeSpan.FromSeconds((options.TimeoutSeconds * 2) + 60);
        lock (gate)
        {
            foreach (var run in runs.Values.ToList())
            {
                ExpireStuck(run, now, stuckAfter);
                foreach (var queue in run.Origins.Values.ToList()) // a sitemap from robots.txt may add an origin
                {
                    if (queue.Queue.Count > 0)
                    {
                        var readyAt = DispatchOrigin(run, queue, now);
                        next = readyAt < next ? readyAt : next;
                    }
                }

                if (run.IsIdle)
                {
                    runs.Remove(run.Name);
                    run.Completion.TrySetResult(run.Summary(now));
                }
                else if (run.InFlight.Count > 0)
                {
                    var oldest = run.InFlight.Values.Min(f => f.Since) + stuckAfter;
                    next = oldest < next ? oldest : next;
                }
            }
        }

        if (next == DateTimeOffset.MaxValue)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var wait = next - clock.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait + TimeSpan.FromMilliseconds(1);
    }

    /// <summary>Under the lock: the next step for one origin of one run; returns when it may be asked again (MaxValue: on a signal).</summary>
    private DateTimeOffset DispatchOrigin(CrawlRun run, OriginQueue queue, DateTimeOffset now)
    {
        if (robotsPending.Contains(queue.Origin))
        {
            return DateTimeOffset.MaxValue;
        }

        var rules = robots.Get(queue.Origin, now, out var failures, out var retryAt, out var robotsError);
        if (rules is null)
        {
            if (failures > options.RetriesPerRun && now < retryAt)
            {
                // robots.txt keeps failing (an unresolvable or unreachable host shows here first): this run gives up
                // on the origin and says why for each of its URLs (a later run asks again).
                while (queue.Queue.TryDequeue(out var dropped))
                {
                    run.Error(dropped.Url, $"robots.txt of {queue.Origin} could not be read{(robotsError is null ? string.Empty : ": " + robotsError)}");
                }

                return DateTimeOffset.MaxValue;
            }

            if (now < retryAt)
            {
                return retryAt;
            }

            if (!politeness.TryAcquire(queue.Host, now, out var ready))
            {
                return ready;
            }

            robotsPending.Add(queue.Origin);
            _ = FetchRobotsAsync(queue.Origin, queue.Host);
            return DateTimeOffset.MaxValue;
        }

        if (run.Definition.UseSitemap && !queue.RobotsSitemapsAdded)
        {
            queue.RobotsSitemapsAdded = true;
            foreach (var sitemap in rules.Sitemaps)
            {
                if (UrlNormalizer.Normalize(sitemap) is { } url)
                {
                    run.TryAdd(new FrontierEntry(url, 0, EntryKind.Sitemap));
                }
            }
        }

        // Disallowed URLs are dropped here, before any request: they are never fetched.
        while (queue.Queue.TryPeek(out var head) && head.Kind == EntryKind.Page && !rules.IsAllowed(new Uri(head.Url).PathAndQuery))
        {
            queue.Queue.Dequeue();
            run.SkippedByRobots++;
        }

        while (queue.Queue.TryPeek(out var head) && head.Kind == EntryKind.Page && head.Attempt == 0 && run.Reserved >= run.Definition.MaxPages)
        {
            queue.Queue.Dequeue();
            run.OverLimit++;
        }

        if (queue.Queue.Count == 0)
        {
            return DateTimeOffset.MaxValue;
        }

        if (!politeness.TryAcquire(queue.Host, now, out var readyAt))
        {
            return readyAt;
        }

        var entry = queue.Queue.Dequeue();
        run.Pending++;
        if (entry.Kind == EntryKind.Sitemap)
        {
            _ = FetchSitemapAsync(run, entry, queue.Host);
        }
        else
        {
            if (entry.Attempt == 0)
            {
                run.Reserved++;
            }

            _ = DispatchPageAsync(run, entry, queue.Host);
        }

        return DateTimeOffset.MaxValue;
    }

    private void ExpireStuck(CrawlRun run, DateTimeOffset now, TimeSpan stuckAfter)
    {
        foreach (var (url, flight) in run.InFlight.Where(f => now - f.Value.Since > stuckAfter).ToList())
        {
            run.InFlight.Remove(url);
            politeness.Release(flight.Host, now, HostFeedback.Slowdown);
            run.Error(url, "no fetcher answered in time");
        }
    }

    private async Task DispatchPageAsync(CrawlRun run, FrontierEntry entry, string host)
    {
        var requested = false;
        try
        {
            var state = await crawlState.GetFetchStateAsync(entry.Url, stopping);
            var now = clock.GetUtcNow();
            var parked = state?.Parked == true;
            if (parked || (!run.Force && state?.NextDueAt > now))
            {
                lock (gate)
                {
                    if (parked)
                    {
                        run.Parked++;
                    }
                    else
                    {
                        // Not due for a fetch, but its links may lead to pages this crawl has not seen yet.
                        run.NotDue++;
                        AddLinks(run, entry, state!.Links ?? []);
                    }

                    run.Reserved--;
                }

                return;
            }

            var uri = new Uri(entry.Url);
            lock (gate)
            {
                run.InFlight[entry.Url] = new InFlightFetch(entry, host, now, state);
                run.Requests++;
                requested = true;
            }

            await bus.Publish(
                new FetchRequested(
                    DocumentIdentity.ForSourceUri(entry.Url),
                    new DocumentSource(CrawlRejectionConsumer.SourceKind, entry.Url, UrlNormalizer.DisplayName(uri)),
                    run.Name,
                    entry.Depth,
                    state?.ETag,
                    state?.LastModified,
                    now),
                stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogDispatchFailed(ex, entry.Url);
            lock (gate)
            {
                if (requested && run.InFlight.Remove(entry.Url))
                {
                    requested = false;
                }

                run.Error(entry.Url, ex.Message);
            }
        }
        finally
        {
            lock (gate)
            {
                if (!requested)
                {
                    politeness.Release(host, clock.GetUtcNow(), HostFeedback.NoRequest);
                }

                run.Pending--;
            }

            Signal();
        }
    }

    private async Task FetchRobotsAsync(string origin, string host)
    {
        var feedback = HostFeedback.Success;
        try
        {
            var (status, text, error) = await fetcher.FetchResourceAsync(new Uri(origin + "/robots.txt"), 512 * 1024, stopping);
            var now = clock.GetUtcNow();
            lock (gate)
            {
                if (status is >= 200 and < 300 && text is not null)
                {
                    var rules = RobotsRules.Parse(text, options.UserAgent);
                    robots.Store(origin, rules, now);
                    politeness.SetCrawlDelay(host, rules.CrawlDelay);
                }
                else if (status is >= 400 and < 500)
                {
                    robots.Store(origin, RobotsRules.AllowAll, now); // no robots.txt: everything is allowed
                }
                else
                {
                    robots.Fail(origin, now, error ?? $"HTTP {status}"); // 5xx or unreachable: wait
                    feedback = HostFeedback.Slowdown;
                    LogRobotsFailed(origin, error);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (gate)
            {
                robots.Fail(origin, clock.GetUtcNow(), ex.Message);
            }

            feedback = HostFeedback.Slowdown;
            LogRobotsFailed(origin, ex.Message);
        }
        finally
        {
            lock (gate)
            {
                robotsPending.Remove(origin);
                politeness.Release(host, clock.GetUtcNow(), feedback);
            }

            Signal();
        }
    }

    private async Task FetchSitemapAsync(CrawlRun run, FrontierEntry entry, string host)
    {
        var feedback = HostFeedback.Success;
        try
        {
            var (status, text, _) = await fetcher.FetchResourceAsync(new Uri(entry.Url), maxDocumentBytes, stopping);
            feedback = status is 0 or >= 500 ? HostFeedback.Slowdown : HostFeedback.Success;
            if (text is not null)
            {
                var (pages, sitemaps) = SitemapReader.Parse(text, 50_000);
                lock (gate)
                {
                    foreach (var page in pages)
                    {
                        if (UrlNormalizer.Normalize(page) is { } url && run.Scope.Contains(url))
                        {
                            run.TryAdd(new FrontierEntry(url, 0));
                        }
                    }

                    foreach (var sitemap in sitemaps)
                    {
                        if (UrlNormalizer.Normalize(sitemap) is { } url)
                        {
                            run.TryAdd(new FrontierEntry(url, 0, EntryKind.Sitemap));
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            feedback = HostFeedback.Slowdown;
            lock (gate)
            {
                run.Error(entry.Url, ex.Message);
            }
        }
        finally
        {
            lock (gate)
            {
                politeness.Release(host, clock.GetUtcNow(), feedback);
                run.Pending--;
            }

            Signal();
        }
    }

    /// <summary>Under the lock: what a finished fetch means for the run's counts and frontier.</summary>
    private void Apply(CrawlRun run, FrontierEntry entry, FetchCompleted completed, IReadOnlyList<string>? previousLinks, bool retry)
    {
        switch (completed.Outcome)
        {
            case FetchOutcome.Fetched:
                run.Fetched++;
                run.FetchedDocuments.Add(completed.DocumentId);
                AddLinks(run, entry, completed.Links);
                break;
            case FetchOutcome.NotModified:
                run.NotModified++;
                AddLinks(run, entry, previousLinks ?? []);
                break;
            case FetchOutcome.Unchanged:
                run.NotModified++;
                AddLinks(run, entry, completed.Links);
                break;
            case FetchOutcome.Redirect:
                run.Redirects++;
                FollowRedirect(run, entry, completed.Target);
                break;
            case FetchOutcome.Canonical:
                run.Canonical++;
                if (completed.Target is { } canonical && UrlNormalizer.Normalize(canonical) is { } url && run.Scope.Contains(url))
                {
                    run.TryAdd(new FrontierEntry(url, entry.Depth));
                }

                AddLinks(run, entry, completed.Links);
                break;
            case FetchOutcome.Throttled or FetchOutcome.TransientError when retry:
                run.Enqueue(entry with { Attempt = entry.Attempt + 1 });
                break;
            default:
                run.Error(entry.Url, completed.StatusCode > 0 ? $"HTTP {completed.StatusCode} ({completed.Error})" : completed.Error ?? completed.Outcome.ToString());
                break;
        }
    }

    private void FollowRedirect(CrawlRun run, FrontierEntry entry, string? target)
    {
        var url = target is null ? null : UrlNormalizer.Normalize(target);
        if (url is null)
        {
            run.Error(entry.Url, $"redirect to an unusable URL: {target}");
            return;
        }

        string[] chain = [.. entry.RedirectChain ?? [], entry.Url];
        if (url == entry.Url || chain.Contains(url))
        {
            run.Error(entry.Url, $"redirect loop: {string.Join(" -> ", chain)} -> {url}");
        }
        else if (chain.Length > options.MaxRedirects)
        {
            run.Error(chain[0], $"more than {options.MaxRedirects} redirects");
        }
        else if (run.Scope.Contains(url))
        {
            // The target is fetched (and stored) under its own, final URL, at the depth of the link that led here.
            run.TryAdd(new FrontierEntry(url, entry.Depth, EntryKind.Page, 0, chain));
        }
    }

    private static void AddLinks(CrawlRun run, FrontierEntry entry, IReadOnlyList<string> links)
    {
        if (entry.Depth >= run.Definition.Depth)
        {
            return;
        }

        foreach (var link in links)
        {
            if (UrlNormalizer.Normalize(link) is { } url && run.Scope.Contains(url))
            {
                run.TryAdd(new FrontierEntry(url, entry.Depth + 1));
            }
        }
    }
}
