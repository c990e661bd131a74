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

    private TextRenderer(string name, Func<byte[], string> render)
    {
        Name = name;
        this.render = render;
    }

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

    /// <summary>The page as text; empty when the renderer failed or timed out on it.</summary>
    public string Render(byte[] html) => render(html);

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
