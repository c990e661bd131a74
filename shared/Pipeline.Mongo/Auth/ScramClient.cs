using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Mongo.Auth;

/// <summary>
/// One SCRAM conversation (RFC 5802 / RFC 7677) as MongoDB runs it: no channel binding, usernames not prepared,
/// SCRAM-SHA-1 over the MongoDB password digest, SCRAM-SHA-256 over the SASLprep'd password.
/// </summary>
internal sealed class ScramClient
{
    private const int MinimumIterations = 4096;
    private readonly HashAlgorithmName _hash;
    private readonly string _password;
    private readonly string _clientNonce;
    private byte[]? _expectedServerSignature;

    public ScramClient(string mechanism, string username, string password, string clientNonce)
    {
        Mechanism = mechanism;
        _clientNonce = clientNonce;
        (_hash, _password) = mechanism switch
        {
            "SCRAM-SHA-256" => (HashAlgorithmName.SHA256, SaslPrep.Prepare(password)),
            "SCRAM-SHA-1" => (HashAlgorithmName.SHA1, MongoPasswordDigest(username, password)),
            _ => throw new MongoAuthenticationException($"Unsupported SCRAM mechanism '{mechanism}'."),
        };
        ClientFirstBare = $"n={Escape(username)},r={clientNonce}";
    }

    public string Mechanism { get; }

    public string ClientFirstBare { get; }

    public string ClientFirstMessage => "n,," + ClientFirstBare;

    /// <summary>24 random bytes, base64: what the auth specification asks for a client nonce.</summary>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>Checks the server-first-message and returns the client-final-message (with the proof).</summary>
    public string ProcessServerFirst(string serverFirst)
    {
        var fields = ParseFields(serverFirst);
        if (!fields.TryGetValue('r', out var nonce) || !fields.TryGetValue('s', out var saltText) || !fields.TryGetValue('i', out var iterText))
        {
            throw new MongoAuthenticationException("Malformed SCRAM server-first-message.");
        }

        if (!nonce.StartsWith(_clientNonce, StringComparison.Ordinal) || nonce.Length <= _clientNonce.Length)
        {
            throw new MongoAuthenticationException("The server's SCRAM nonce does not extend the client nonce.");
        }

        if (!int.TryParse(iterText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations)
            || iterations < MinimumIterations)
        {
            throw new MongoAuthenticationException($"The server asked for {iterText} SCRAM iterations; at least {MinimumIterations} are required.");
        }

        byte[] salt;
        try
        {
            salt = Convert.FromBase64String(saltText);
        }
        catch (FormatException ex)
        {
            throw new MongoAuthenticationException("The SCRAM salt is not base64.", ex);
        }

        var hashLength = _hash == HashAlgorithmName.SHA256 ? 32 : 20;
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(_password), salt, iterations, _hash, hashLength);
        var clientKey = Hmac(salted, "Client Key");
        var storedKey = Hash(clientKey);
        var withoutProof = $"c=biws,r={nonce}";
        var authMessage = $"{ClientFirstBare},{serverFirst},{withoutProof}";
        var clientSignature = Hmac(storedKey, authMessage);
        var proof = new byte[clientKey.Length];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = (byte)(clientKey[i] ^ clientSignature[i]);
        }

        _expectedServerSignature = Hmac(Hmac(salted, "Server Key"), authMessage);
        return $"{withoutProof},p={Convert.ToBase64String(proof)}";
    }

    /// <summary>Checks the server-final-message: the server must prove it knows the password too.</summary>
    public void VerifyServerFinal(string serverFinal)
    {
        if (_expectedServerSignature is null)
        {
            throw new InvalidOperationException("ProcessServerFirst must run first.");
        }

        var fields = ParseFields(serverFinal);
        if (fields.TryGetValue('e', out var error))
        {
            throw new MongoAuthenticationException($"The server rejected the SCRAM proof: {error}.");
        }

        byte[] signature;
        try
        {
            signature = fields.TryGetValue('v', out var v) ? Convert.FromBase64String(v) : [];
        }
        catch (FormatException ex)
        {
            throw new MongoAuthenticationException("The SCRAM server signature is not base64.", ex);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, _expectedServerSignature))
        {
            throw new MongoAuthenticationException("The server's SCRAM signature is wrong: it could not prove it knows the password.");
        }
    }

    private static string MongoPasswordDigest(string username, string password)
    {
#pragma warning disable CA5351 // MD5 is what SCRAM-SHA-1 in MongoDB mandates for the stored password digest.
        var digest = MD5.HashData(Encoding.UTF8.GetBytes($"{username}:mongo:{password}"));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(digest);
    }

    private static string Escape(string username) => username.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal);

    private static Dictionary<char, string> ParseFields(string message)
    {
        var fields = new Dictionary<char, string>();
        foreach (var part in message.Split(','))
        {
            if (part.Length >= 2 && part[1] == '=')
            {
                fields.TryAdd(part[0], part[2..]);
            }
        }

        return fields;
    }

    private byte[] Hmac(byte[] key, string text) => _hash == HashAlgorithmName.SHA256
        ? HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text))
        : HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(text));

    private byte[] Hash(byte[] data) => _hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data) : SHA1.HashData(data);
}
