namespace Pipeline.Integration.Tests;

/// <summary>
/// The fault suite's size and cases: small in CI; <c>infra/chaos.sh</c> sets <c>PIPELINE_FAULT_DOCUMENTS</c>,
/// <c>PIPELINE_FAULT_CASES</c> (semicolon-separated <see cref="FaultCase"/> names) and <c>PIPELINE_FAULT_TABLE</c> (a
/// file for the table; the run's folders are then kept for inspection).
/// </summary>
internal sealed record FaultRunSettings(int Documents, IReadOnlyList<FaultCase> Cases, string? TablePath)
{
    private const string DefaultCases = "kill Pipeline.Store;kill Pipeline.Cleaner;kill Pipeline.Tagger;kill Pipeline.Inbox;broker";

    public static FaultRunSettings FromEnvironment()
    {
        var documents = int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FAULT_DOCUMENTS"), out var n) && n is >= 10 and <= 1_000_000 ? n : 150;
        var cases = Environment.GetEnvironmentVariable("PIPELINE_FAULT_CASES") is { Length: > 0 } given ? given : DefaultCases;
        var table = Environment.GetEnvironmentVariable("PIPELINE_FAULT_TABLE") is { Length: > 0 } path ? path : null;
        return new FaultRunSettings(documents, cases.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(FaultCase.Parse).ToList(), table);
    }
}
