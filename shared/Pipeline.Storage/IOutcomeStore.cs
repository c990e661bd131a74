namespace Pipeline.Storage;

/// <summary>
/// Outcomes of submitted documents (uploads), kept for a limited time. Implemented by the SQLite store (the MongoDB
/// side follows its driver move).
/// </summary>
public interface IOutcomeStore
{
    /// <summary>
    /// Records an outcome, replacing the document's previous one, and drops outcomes recorded before
    /// <paramref name="expireBefore"/>. With <paramref name="onlyIfTracked"/>, records only when an outcome is already
    /// kept for the document (so the pipeline's own traffic adds nothing).
    /// </summary>
    Task SaveOutcomeAsync(DocumentOutcome outcome, DateTimeOffset expireBefore, bool onlyIfTracked, CancellationToken cancellationToken);

    /// <summary>The document's outcome, or null when none is kept (never submitted, or expired).</summary>
    Task<DocumentOutcome?> GetOutcomeAsync(Guid id, DateTimeOffset expireBefore, CancellationToken cancellationToken);
}
