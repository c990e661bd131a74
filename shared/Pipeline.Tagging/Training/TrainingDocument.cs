using Pipeline.Tagging.Evaluation;
using Pipeline.Tagging.Lexicons;
using Pipeline.Tagging.Model;

namespace Pipeline.Tagging.Training;

/// <summary>A training document analysed once (with the seen-mention lexicon of the other folds) and its gold labels.</summary>
internal sealed class TrainingDocument
{
    public TrainingDocument(PubTatorDocument source, Lexicon lexicon, Lexicon seen)
    {
        Source = source;
        Doc = new AnalyzedText();
        Doc.Analyze(source.Text, lexicon, seen);
        Gold = new int[Doc.Count];
        var tokens = Doc.Tokens;
        foreach (var m in source.Mentions)
        {
            var type = m.Type == EntityTypes.Chemical ? LexiconType.Chemical : LexiconType.Disease;
            var first = -1;
            var last = -1;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Start == m.Start)
                {
                    first = i;
                }

                if (tokens[i].End == m.End)
                {
                    last = i;
                    break;
                }
            }

            if (first < 0 || last < first || !IsFree(first, last))
            {
                Unaligned++;
                continue;
            }

            if (first == last)
            {
                Gold[first] = Labels.Unit(type);
                continue;
            }

            Gold[first] = Labels.Begin(type);
            for (var k = first + 1; k < last; k++)
            {
                Gold[k] = Labels.Inside(type);
            }

            Gold[last] = Labels.Last(type);
        }

        // Mentions cut by a sentence split cannot be decoded; drop their pieces.
        var start = 0;
        foreach (var end in Doc.SentenceEnds)
        {
            Labels.Repair(Gold.AsSpan(start, end - start));
            start = end;
        }
    }

    public PubTatorDocument Source { get; }

    public AnalyzedText Doc { get; }

    public int[] Gold { get; }

    public int Unaligned { get; }

    private bool IsFree(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (Gold[k] != Labels.Outside)
            {
                return false;
            }
        }

        return true;
    }
}
