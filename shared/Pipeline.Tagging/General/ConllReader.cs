using System.Text;

namespace Pipeline.Tagging.General;

/// <summary>
/// Reads <c>token&lt;TAB&gt;tag</c> IOB2 files (blank line between sentences, <c>-DOCSTART-</c> between documents)
/// into running text, so training and evaluation go through the same tokenizer and sentence splitter as real
/// text. Tokens are joined the way they were most likely written: no space before closing punctuation and
/// clitics, none after opening brackets; a sentence without final punctuation (a heading, a tweet) ends its line.
/// Files without document markers (tweets) give one document per sentence.
/// </summary>
internal static class ConllReader
{
    /// <summary>Tags outside PER/ORG/LOC/MISC (re3d's DATE and QUANTITY) are read as outside.</summary>
    public static List<ConllDocument> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var hasDocuments = lines.Any(l => l.StartsWith("-DOCSTART-", StringComparison.Ordinal));
        var documents = new List<ConllDocument>();
        var builder = new DocumentBuilder();
        var sentence = new List<(string Token, string Tag)>();
        foreach (var line in lines.Append(string.Empty))
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                builder.Flush(documents);
                continue;
            }

            if (line.Length == 0)
            {
                if (sentence.Count > 0)
                {
                    builder.AddSentence(sentence);
                    sentence.Clear();
                    if (!hasDocuments)
                    {
                        builder.Flush(documents);
                    }
                }

                continue;
            }

            var tab = line.LastIndexOf('\t');
            sentence.Add(tab < 0 ? (line, "O") : (line[..tab], line[(tab + 1)..]));
        }

        builder.Flush(documents);
        return documents;
    }

    private sealed class DocumentBuilder
    {
        private readonly StringBuilder _text = new();
        private readonly List<NameSpan> _names = [];

        public void AddSentence(List<(string Token, string Tag)> tokens)
        {
            if (_text.Length > 0)
            {
                var last = _text[^1];
                _text.Append(last is '.' or '!' or '?' or '"' or ')' ? ' ' : '\n');
            }

            var open = -1;
            NameType type = default;
            var previous = string.Empty;
            for (var i = 0; i < tokens.Count; i++)
            {
                var (token, tag) = tokens[i];
                if (i > 0 && SpaceBetween(previous, token))
                {
                    _text.Append(' ');
                }

                var inside = tag.StartsWith("I-", StringComparison.Ordinal) && open >= 0 && Parse(tag) == type;
                if (!inside)
                {
                    Close(ref open, type);
                }

                if (!inside && tag.Length > 2 && tag[1] == '-' && Parse(tag) is { } t)
                {
                    open = _text.Length;
                    type = t;
                }

                _text.Append(token);
                previous = token;
                if (open >= 0)
                {
                    _lastEnd = _text.Length;
                }
            }

            Close(ref open, type);
        }

        private int _lastEnd;

        private void Close(ref int open, NameType type)
        {
            if (open >= 0)
            {
                _names.Add(new NameSpan(open, _lastEnd, type));
                open = -1;
            }
        }

        public void Flush(List<ConllDocument> documents)
        {
            if (_text.Length > 0)
            {
                documents.Add(new ConllDocument(_text.ToString(), [.. _names]));
            }

            _text.Clear();
            _names.Clear();
        }

        private static NameType? Parse(string tag) => tag.AsSpan(2) switch
        {
            "PER" => NameType.Person,
            "ORG" => NameType.Organization,
            "LOC" => NameType.Location,
            "MISC" => NameType.Misc,
            _ => null,
        };

        private static bool SpaceBetween(string previous, string token)
        {
            if (token is "." or "," or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "%" or "'s" or "'S" or "n't" or "'re" or "'ve" or "'ll" or "'d" or "'m" or "’s")
            {
                return false;
            }

            return previous is not ("(" or "[" or "{" or "$" or "#" or "@");
        }
    }
}
