namespace Pipeline.Cleaning.Text;

/// <summary>Counts over one line's characters and words, gathered in a single pass for the line model.</summary>
internal readonly record struct LineStats(int Words, int Capitalised, int StopWords, int Letters, int Upper, int Digits, int Punctuation, int Separators, bool Link)
{
    public static LineStats Of(string text)
    {
        int words = 0, capitalised = 0, stop = 0, letters = 0, upper = 0, digits = 0, punctuation = 0, separators = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is '|' or '•' or '·' or '»' or '›' or '/' or '>')
            {
                separators++;
                punctuation++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                punctuation++;
            }
        }

        foreach (var word in new WordEnumerator(text))
        {
            words++;
            capitalised += char.IsUpper(word[0]) ? 1 : 0;
            stop += Pipeline.Cleaning.Text.StopWords.Contains(word) ? 1 : 0;
        }

        var link = text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('@', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal));
        return new LineStats(words, capitalised, stop, letters, upper, digits, punctuation, separators, link);
    }
}
