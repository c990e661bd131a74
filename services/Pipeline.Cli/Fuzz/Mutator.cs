namespace Pipeline.Cli.Fuzz;

/// <summary>
/// Byte-level mutations in the manner of AFL's havoc stage: flips, interesting bytes, deletions, duplications (which
/// build deep nesting and long runs), insertions of format tokens, splices of two seeds, truncation.
/// </summary>
internal sealed class Mutator(Random random, int maxBytes)
{
    private static readonly byte[][] Tokens =
    [
        "<"u8.ToArray(), ">"u8.ToArray(), "</"u8.ToArray(), "<div>"u8.ToArray(), "<table><tr><td>"u8.ToArray(), "<!--"u8.ToArray(), "<script>"u8.ToArray(),
        "&#"u8.ToArray(), "&amp;"u8.ToArray(), "\""u8.ToArray(), "\r\n"u8.ToArray(), "\n\n"u8.ToArray(), "# "u8.ToArray(), "[a]("u8.ToArray(), "```"u8.ToArray(),
        " 0 R"u8.ToArray(), " 0 obj"u8.ToArray(), "endobj"u8.ToArray(), "stream\n"u8.ToArray(), "<<"u8.ToArray(), ">>"u8.ToArray(), "/ObjStm"u8.ToArray(), "/FlateDecode"u8.ToArray(),
        "PK\u0003\u0004"u8.ToArray(), "--XYZ\r\n"u8.ToArray(), "=?utf-8?B?"u8.ToArray(), "\u00ef\u00bb\u00bf"u8.ToArray(), [0xFF, 0xFE], [0xC3], [0x00], [0xE2, 0x80, 0x8B],
    ];

    private static readonly byte[] Interesting = [0, 1, 0x7F, 0x80, 0xFF, (byte)'<', (byte)'>', (byte)'/', (byte)'&', (byte)';', (byte)'0', (byte)'9', (byte)' ', (byte)'\n'];

    public byte[] Mutate(byte[] seed, byte[] other)
    {
        var data = new List<byte>(seed);
        var rounds = 1 << random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            Apply(data, other);
            if (data.Count > maxBytes)
            {
                data.RemoveRange(maxBytes, data.Count - maxBytes);
            }
        }

        return [.. data];
    }

    private void Apply(List<byte> data, byte[] other)
    {
        if (data.Count == 0)
        {
            data.AddRange(Tokens[random.Next(Tokens.Length)]);
            return;
        }

        var at = random.Next(data.Count);
        switch (random.Next(9))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                break;
            case 3:
                var length = Math.Min(data.Count - at, 1 + random.Next(256));
                var copy = data.GetRange(at, length);
                var times = 1 + (random.Next(8) == 0 ? random.Next(2000) : random.Next(4));
                for (var t = 0; t < times && data.Count + length <= maxBytes; t++)
                {
                    data.InsertRange(at, copy);
                }

                break;
            case 4:
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 5:
                var bytes = new byte[1 + random.Next(16)];
                random.NextBytes(bytes);
                data.InsertRange(at, bytes);
                break;
            case 6 when other.Length > 0:
                var from = random.Next(other.Length);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(from, Math.Min(other.Length - from, maxBytes - data.Count)).ToArray());
                break;
            case 7:
                data.RemoveRange(at, data.Count - at);
                break;
            default:
                // A number nudged: lengths, offsets, object numbers, counts.
                for (var i = at; i < Math.Min(data.Count, at + 64); i++)
                {
                    if (data[i] is >= (byte)'0' and <= (byte)'9')
                    {
                        data[i] = (byte)('0' + random.Next(10));
                        break;
                    }
                }

                break;
        }
    }
}
