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

    /// <summary>True for a plain file name (no folders, not hidden, not a partial download).</summary>
    public static bool IsCandidateName(string name) =>
        name.Length is > 0 and <= 255
        && Path.GetFileName(name) == name
        && name is not "." and not ".."
        && !name.StartsWith('.')
        && !name.StartsWith('~')
        && !name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".error.json", StringComparison.OrdinalIgnoreCase);

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
        if (File.Exists(target))
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
    public bool CompleteDone(string name) => MoveOut(name, Done, out _);

    /// <summary>Moves a file to failed/ and writes <c>&lt;file&gt;.error.json</c> beside it.</summary>
    public bool CompleteFailed(string name, InboxError error)
    {
        if (!MoveOut(name, Failed, out var finalPath))
        {
            return false;
        }

        File.WriteAllText(finalPath + ".error.json", JsonSerializer.Serialize(error, Indented));
        return true;
    }

    public void Dispose() => slots.Dispose();

    /// <summary>The inbox name of a source, or null when the source is not an inbox file or its name is unsafe.</summary>
    public static string? NameOf(DocumentSource source) =>
        source.Kind == InboxSources.Kind && IsCandidateName(source.Name) ? source.Name : null;

    private bool MoveOut(string name, string folder, out string finalPath)
    {
        var source = Path.Combine(Processing, CheckName(name));
        finalPath = Path.Combine(folder, name);
        if (!File.Exists(source))
        {
            return false;
        }

        if (File.Exists(finalPath))
        {
            // An earlier version of the same name stays; this one gets a time suffix.
            finalPath = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}.{DateTime.UtcNow:yyyyMMddTHHmmssfff}{Path.GetExtension(name)}");
        }

        try
        {
            File.Move(source, finalPath, overwrite: false);
            ReleaseSlot();
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private static string CheckName(string name) =>
        IsCandidateName(name) ? name : throw new ArgumentException($"'{name}' is not a plain inbox file name.", nameof(name));
}
