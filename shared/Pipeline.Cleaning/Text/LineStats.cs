namespace Pipeline.Cleaning.Text;

/// <summary>Counts over one line's characters and words, gathered in a single pass for the line model.</summary>
internal readonly record struct LineStats(int Words, int Capitalised, int StopWords, int Letters, int Upper, int Digits, int Punctuation, int Separators, bool Link)
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static LineStats Of(string text)
    {
        int words = 0, capitalised = 0, stop = 0, letters = 0, upper = 0, digits = 0, punctuation = 0, separators = 0;

        // One pass over the characters; a word is a run of letters and digits, as WordEnumerator reads it.
        var wordStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inWord = true;
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else
            {
                inWord = false;
                if (c is '|' or '•' or '·' or '»' or '›' or '/' or '>')
                {
                    separators++;
                    punctuation++;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    punctuation++;
                }
            }

            if (inWord && wordStart < 0)
            {
                wordStart = i;
            }
            else if (!inWord && wordStart >= 0)
            {
                words++;
                capitalised += char.IsUpper(text[wordStart]) ? 1 : 0;
                stop += Pipeline.Cleaning.Text.StopWords.Contains(text.AsSpan(wordStart, i - wordStart)) ? 1 : 0;
                wordStart = -1;
            }
        }

        var link = text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('@', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal));
        return new LineStats(words, capitalised, stop, letters, upper, digits, punctuation, separators, link);
    }
}
