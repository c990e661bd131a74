using System.Text.Json;
using Pipeline.Contracts;

namespace Pipeline.Inbox;

/// <summary>
/// The inbox's folders and the moves between them: inbox → processing/ → done/ or failed/.
/// File names come from messages too, so every name is checked to be a plain name inside the folder.
/// </summary>
public sealed class InboxFolder : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // Claimed files not yet moved to done/ or failed/ (see InboxOptions.MaxInFlight).
    private readonly SemaphoreSlim slots;

    public InboxFolder(string root, int maxInFlight = 256)
    {
        slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        Root = Path.GetFullPath(root);
        Processing = Path.Combine(Root, "processing");
        Done = Path.Combine(Root, "done");
        Failed = Path.Combine(Root, "failed");
    }

    public string Root { get; }

    public string Processing { get; }

    public string Done { get; }

    public string Failed { get; }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(Processing);
        Directory.CreateDirectory(Done);
        Directory.CreateDirectory(Failed);
    }

    /// <summary>True for a name the inbox takes (see <see cref="InboxNames.WhyNotTaken"/>).</summary>
    public static bool IsCandidateName(string name) => InboxNames.WhyNotTaken(name) is null;

    /// <summary>Waits until fewer than the maximum of files are in flight, and takes a place for one more.</summary>
    public Task AcquireSlotAsync(CancellationToken cancellationToken) => slots.WaitAsync(cancellationToken);

    /// <summary>Gives back a place taken for a file that was not claimed after all (or has finished).</summary>
    public void ReleaseSlot()
    {
        try
        {
            slots.Release();
        }
        catch (SemaphoreFullException)
        {
            // A file finished that this process did not count (claimed before a restart by another process).
        }
    }

    /// <summary>Moves a dropped file into processing/, unless a file of that name is already being processed.</summary>
    public bool TryClaim(string name)
    {
        var target = Path.Combine(Processing, CheckName(name));
        if (UnixFiles.Inspect(target).Kind != FileKind.Missing)
        {
            return false;
        }

        try
        {
            File.Move(Path.Combine(Root, name), target, overwrite: false);
            return true;
        }
        catch (IOException)
        {
            // Gone, locked by its writer, or claimed by someone else: a later scan tries again.
            return false;
        }
    }

    /// <summary>Moves a processed file to done/. False when it is not in processing/ (a redelivered message).</summary>
    public bool CompleteDone(string name) => MoveOut(name, Processing, Done, error: null);

    /// <summary>Moves a file to failed/ with <c>&lt;file&gt;.error.json</c> beside it.</summary>
    public bool CompleteFailed(string name, InboxError error) => MoveOut(name, Processing, Failed, error);

    /// <summary>
    /// Moves an entry the inbox will not read (a link, a device, a FIFO) straight from the inbox to failed/ with its
    /// reason; a rename moves the entry itself, never what it points at.
    /// </summary>
    public bool Refuse(string name, InboxError error) => MoveOut(name, Root, Failed, error);

    public void Dispose() => slots.Dispose();

    /// <summary>The inbox name of a source, or null when the source is not an inbox file or its name is unsafe.</summary>
    public static string? NameOf(DocumentSource source) =>
        source.Kind == InboxSources.Kind && IsCandidateName(source.Name) ? source.Name : null;

    private bool MoveOut(string name, string from, string to, InboxError? error)
    {
        var source = Path.Combine(from, CheckName(name));
        if (UnixFiles.Inspect(source).Kind == FileKind.Missing)
        {
            return false;
        }

        var finalPath = Path.Combine(to, name);
        if (UnixFiles.Inspect(finalPath).Kind != FileKind.Missing)
        {
            // An earlier version of the same name stays; this one gets a time suffix (names are short enough for it).
            finalPath = Path.Combine(to, $"{Path.GetFileNameWithoutExtension(name)}.{DateTime.UtcNow:yyyyMMddTHHmmssfff}{Path.GetExtension(name)}");
        }

        // The report is written first: a file in failed/ always has one, even when this process dies between the two.
        var report = error is null ? null : finalPath + ".error.json";
        if (report is not null)
        {
            File.WriteAllText(report, JsonSerializer.Serialize(error, Indented));
        }

        try
        {
            File.Move(source, finalPath, overwrite: false);
            if (from == Processing)
            {
                // A refused entry never took a place; a file leaving processing/ gives its place back.
                ReleaseSlot();
            }

            return true;
        }
        catch (FileNotFoundException)
        {
            // Moved by another delivery of the same message.
            if (report is not null)
            {
                File.Delete(report);
            }

            return false;
        }
    }

    private static string CheckName(string name) =>
        IsCandidateName(name) ? name : throw new ArgumentException($"'{name}' is not a plain inbox file name.", nameof(name));
}
