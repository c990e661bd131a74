using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using Pipeline.Cleaning;
using Pipeline.Cleaning.Benchmarks;

// "memory": peak memory cleaning a 10 MB page; "throughput": quick single-thread figures; otherwise BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "memory":
        Memory();
        break;
    case "throughput":
        Throughput();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(HtmlCleaningBenchmarks).Assembly).Run(args);
        break;
}

static void Memory()
{
    // A 10 MB page made of real pages' bodies (nav, footers and all) inside one document.
    var pages = BenchmarkData.WcxbPages(stride: 7);
    var html = new StringBuilder("<html><head><title>Big page</title></head><body>");
    foreach (var page in pages)
    {
        if (html.Length >= 10_000_000 - 400_000)
        {
            break;
        }

        var text = Encoding.UTF8.GetString(page);
        var start = text.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        html.Append("<section>").Append(start < 0 ? text : text[start..]).Append("</section>");
    }

    html.Append("</body></html>");
    var bytes = Encoding.UTF8.GetBytes(html.ToString());
    html.Clear();
    pages.Clear();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

    var cleaner = new DocumentCleaner(new CleaningOptions { MaxInputBytes = 16 * 1024 * 1024 });
    var before = Process.GetCurrentProcess();
    var baseline = GC.GetTotalMemory(forceFullCollection: true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var result = cleaner.Clean(new CleaningInput(bytes, "big.html", "text/html"));
    clock.Stop();
    var info = GC.GetGCMemoryInfo();
    before.Refresh();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input {bytes.Length / 1e6:F1} MB, cleaned in {clock.ElapsedMilliseconds} ms, output {result.Text.Length / 1e6:F2} M chars"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6:F0} MB, managed heap before {baseline / 1e6:F0} MB, peak GC heap {info.HeapSizeBytes / 1e6:F0} MB, peak working set {before.PeakWorkingSet64 / 1e6:F0} MB"));

    var limited = new DocumentCleaner();
    try
    {
        limited.Clean(new CleaningInput(new byte[(10 * 1024 * 1024) + 1], "huge.html"));
    }
    catch (CleaningRejectedException ex)
    {
        Console.WriteLine($"over the default limit: rejected as {ex.Reason}");
    }
}

static void Throughput()
{
    var pages = BenchmarkData.WcxbPages(stride: 1);
    var cleaner = new DocumentCleaner();
    foreach (var page in pages.Take(100))
    {
        Run(cleaner, page);
    }

    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    long bytes = 0;
    foreach (var page in pages)
    {
        Run(cleaner, page);
        bytes += page.Length;
    }

    clock.Stop();
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HTML: {pages.Count} pages, {pages.Count / clock.Elapsed.TotalSeconds:F0} pages/s wall, {pages.Count / cpu:F0} pages per CPU-second, {bytes / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s wall, {clock.Elapsed.TotalMilliseconds / pages.Count:F2} ms/page"));

    var text = BenchmarkData.PlainText(20 * 1024 * 1024);
    cleaner = new DocumentCleaner(new CleaningOptions { MaxInputBytes = 32 * 1024 * 1024 });
    cleaner.Clean(new CleaningInput(text.AsMemory(0, 100_000), "warm.txt"));
    process.Refresh();
    cpuBefore = process.TotalProcessorTime;
    clock.Restart();
    var cleaned = cleaner.Clean(new CleaningInput(text, "dump.txt"));
    clock.Stop();
    process.Refresh();
    cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    SmallDocuments();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Plain text, one document: {text.Length / 1e6:F1} MB in {clock.ElapsedMilliseconds} ms = {text.Length / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s wall, {text.Length / 1e6 / cpu:F1} MB per CPU-second ({cleaned.Text.Length / 1e6:F1} M chars kept)"));
}

static void SmallDocuments()
{
    // The inbox case: many separate text dumps of a few kilobytes each (the seeds), cleaned one by one.
    var seeds = Directory.GetFiles(Path.Combine(BenchmarkData.SharedDir, "seeds"), "*.txt").Select(File.ReadAllBytes).ToList();
    var cleaner = new DocumentCleaner();
    foreach (var seed in seeds)
    {
        cleaner.Clean(new CleaningInput(seed, "seed.txt"));
    }

    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    long bytes = 0;
    for (var i = 0; i < 2000; i++)
    {
        foreach (var seed in seeds)
        {
            bytes += seed.Length;
            cleaner.Clean(new CleaningInput(seed, "seed.txt"));
        }
    }

    clock.Stop();
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Plain text, {seeds.Count * 2000} separate documents: {bytes / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s wall, {bytes / 1e6 / cpu:F1} MB per CPU-second, {seeds.Count * 2000 / clock.Elapsed.TotalSeconds:F0} documents/s"));
}

static void Run(DocumentCleaner cleaner, byte[] page)
{
    try
    {
        cleaner.Clean(new CleaningInput(page, "page.html", "text/html"));
    }
    catch (CleaningRejectedException)
    {
        // Rejected pages count: the work to reject them was done.
    }
}
