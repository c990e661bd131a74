using System.Buffers.Binary;

namespace Pipeline.Cleaning.Text;

/// <summary>
/// The first pass's word weights: a weight for each token (<see cref="LineTokens"/>) seen on enough training pages
/// of different sites to say something general ("log in", "reply with quote", "add to cart"), none for any other.
/// </summary>
internal sealed class LineLexicon
{
    private readonly Dictionary<ulong, int> index;

    public LineLexicon(ulong[] tokens, float[] weights)
    {
        if (tokens.Length != weights.Length || !Array.TrueForAll(weights, float.IsFinite))
        {
            throw new ArgumentException("The lexicon needs one finite weight per token.", nameof(weights));
        }

        Tokens = tokens;
        Weights = weights;
        index = new Dictionary<ulong, int>(tokens.Length);
        for (var k = 0; k < tokens.Length; k++)
        {
            if (!index.TryAdd(tokens[k], k))
            {
                throw new ArgumentException("The lexicon lists a token twice.", nameof(tokens));
            }
        }
    }

    public ulong[] Tokens { get; }

    public float[] Weights { get; }

    /// <summary>The column of <paramref name="token"/>, or -1 when the lexicon does not know it.</summary>
    public int IndexOf(ulong token) => index.TryGetValue(token, out var k) ? k : -1;

    /// <summary>The sum of the known tokens' weights, in the tokens' order.</summary>
    public float Score(ReadOnlySpan<ulong> tokens)
    {
        float sum = 0;
        foreach (var token in tokens)
        {
            if (index.TryGetValue(token, out var k))
            {
                sum += Weights[k];
            }
        }

        return sum;
    }

    /// <summary>Writes the count, then each token and its weight, little-endian.</summary>
    public void Write(Stream stream)
    {
        Span<byte> eight = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(eight, Tokens.Length);
        stream.Write(eight[..4]);
        for (var k = 0; k < Tokens.Length; k++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(eight, Tokens[k]);
            stream.Write(eight);
            BinaryPrimitives.WriteSingleLittleEndian(eight, Weights[k]);
            stream.Write(eight[..4]);
        }
    }

    /// <summary>Reads a lexicon written by <see cref="Write"/> at <paramref name="offset"/>; returns it and the offset after it.</summary>
    /// <exception cref="InvalidDataException">The bytes do not hold a well-formed lexicon.</exception>
    public static (LineLexicon Lexicon, int Next) Read(ReadOnlySpan<byte> bytes, int offset)
    {
        if (bytes.Length < offset + 4)
        {
            throw new InvalidDataException("The lexicon is cut short.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
        var at = offset + 4;
        if (count is < 0 or > 1_000_000 || bytes.Length < at + (12L * count))
        {
            throw new InvalidDataException("The lexicon is cut short or too large.");
        }

        var tokens = new ulong[count];
        var weights = new float[count];
        for (var k = 0; k < count; k++, at += 12)
        {
            tokens[k] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);
            weights[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + 8)..]);
        }

        try
        {
            return (new LineLexicon(tokens, weights), at);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
