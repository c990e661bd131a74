using System.Diagnostics;
using System.Text;
using Pipeline.Cleaning.Decoding;
using Pipeline.Cleaning.Html;

namespace Pipeline.Cleaning.Evaluation;

/// <summary>
/// Turns an HTML page into the plain-text dump a person would paste: our own whole-page rendering, or Debian's
/// <c>lynx -dump -nolist</c>, <c>w3m -dump</c> and <c>html2text</c> (run as child processes with a timeout).
/// </summary>
public sealed class TextRenderer
{
    /// <summary>The renderers <see cref="Create"/> knows.</summary>
    public static readonly IReadOnlyList<string> Names = ["own", "lynx", "w3m", "html2text"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Func<byte[], string> render;
    private readonly string? cacheDirectory;

    private TextRenderer(string name, Func<byte[], string> render, string? cacheDirectory = null)
    {
        Name = name;
        this.render = render;
        this.cacheDirectory = cacheDirectory;
    }

    /// <summary>The default cache of the Debian renderers' dumps: outside the repository, in the temporary folder.</summary>
    public static string DefaultCacheDirectory => Path.Combine(Path.GetTempPath(), "pipeline-text-dumps");

    /// <summary>The renderer's name.</summary>
    public string Name { get; }

    /// <summary>A renderer by name: <c>own</c>, <c>lynx</c>, <c>w3m</c> or <c>html2text</c>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static TextRenderer Create(string name) => name switch
    {
        "own" => new(name, html => PageTextRenderer.Render(TextDecoder.Decode(html, "text/html", sniffHtmlMeta: true))),
        "lynx" => new(name, html => Run("lynx", ["-dump", "-nolist", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"], html)),
        "w3m" => new(name, html => Run("w3m", ["-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"], html)),
        "html2text" => new(name, html => Run("html2text", ["-nobs", "-utf8"], html)),
        _ => throw new ArgumentException($"Unknown renderer '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// The same renderer, keeping what the Debian renderers print in <paramref name="directory"/>/<c>name</c>/<c>key</c>.txt
    /// (they take a tenth of a second a page). Our own rendering is always done afresh: it follows the code.
    /// </summary>
    public TextRenderer WithCache(string directory) => Name == "own" ? this : new(Name, render, Path.GetFullPath(directory));

    /// <summary>The page as text; empty when the renderer failed or timed out on it.</summary>
    public string Render(byte[] html) => render(html);

    /// <summary>The page as text, from the cache when this renderer has one and the page <paramref name="key"/> (a file-name-safe id) was rendered before.</summary>
    /// <exception cref="ArgumentException">The key is not a plain file name.</exception>
    public string Render(byte[] html, string key)
    {
        if (cacheDirectory is null)
        {
            return render(html);
        }

        if (key.Length == 0 || key.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || key.StartsWith('.'))
        {
            throw new ArgumentException($"'{key}' is not a plain file name.", nameof(key));
        }

        var path = Path.Combine(cacheDirectory, Name, key + ".txt");
        if (File.Exists(path))
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }

        var text = render(html);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temporary, Encoding.UTF8.GetBytes(text));
        File.Move(temporary, path, overwrite: true);
        return text;
    }

    private static string Run(string program, string[] arguments, byte[] input)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = ReadAll(process.StandardOutput.BaseStream);
        var errors = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        try
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The renderer stopped reading (it gave up on the page); what it wrote is still read below.
        }

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return string.Empty;
        }

        errors.Wait(Timeout);
        return Encoding.UTF8.GetString(output.Result);
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
