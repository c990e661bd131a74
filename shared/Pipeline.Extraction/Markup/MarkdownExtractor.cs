using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pipeline.Extraction.Markup;

/// <summary>
/// Markdown through Markdig (CommonMark plus pipe tables and front matter): headings, paragraphs and list items on
/// their own lines, table rows as lines of cells, code blocks kept, link and emphasis markup gone.
/// </summary>
internal static class MarkdownExtractor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().UseYamlFrontMatter().Build();

    public static ExtractedText Extract(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var text = new StringBuilder();
        var meta = DocumentMetadata.None;
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock yaml)
            {
                meta = FrontMatter(yaml);
                continue;
            }

            Write(block, text);
        }

        return ExtractedText.Plain(DocumentFormats.Markdown, text.ToString(), meta);
    }

    private static void Write(Block block, StringBuilder text)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Line(text, Inline(heading.Inline), paragraph: true);
                break;
            case ParagraphBlock paragraph:
                Line(text, Inline(paragraph.Inline), paragraph: paragraph.Parent is MarkdownDocument or QuoteBlock);
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Join(' ', c.OfType<ParagraphBlock>().Select(p => Inline(p.Inline))));
                    Line(text, string.Join('\t', cells), paragraph: false);
                }

                text.Append('\n');
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    Line(text, line.Slice.ToString(), paragraph: false);
                }

                text.Append('\n');
                break;
            case HtmlBlock:
            case ThematicBreakBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Write(child, text);
                }

                if (container is ListBlock)
                {
                    text.Append('\n');
                }

                break;
        }
    }

    private static void Line(StringBuilder text, string line, bool paragraph)
    {
        line = line.Trim();
        if (line.Length == 0)
        {
            return;
        }

        text.Append(line).Append('\n');
        if (paragraph)
        {
            text.Append('\n');
        }
    }

    private static string Inline(ContainerInline? container)
    {
        var text = new StringBuilder();
        Inline(container, text);
        return text.ToString();
    }

    private static void Inline(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline link:
                    text.Append(link.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline child:
                    Inline(child, text);
                    break;
            }
        }
    }

    private static DocumentMetadata FrontMatter(YamlFrontMatterBlock yaml)
    {
        string? title = null, author = null;
        DateTimeOffset? date = null;
        foreach (var line in yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.Slice.ToString()))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            switch (key)
            {
                case "title":
                    title = MetadataText.Title(value);
                    break;
                case "author":
                    author = MetadataText.Clean(value);
                    break;
                case "date" when DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed):
                    date = parsed;
                    break;
            }
        }

        return new DocumentMetadata(title, author, date);
    }
}
