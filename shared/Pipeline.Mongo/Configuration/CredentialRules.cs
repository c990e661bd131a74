namespace Pipeline.Mongo.Configuration;

/// <summary>The auth specification's per-mechanism rules for building a <see cref="MongoCredential"/>.</summary>
internal static class CredentialRules
{
    private static readonly string[] CanonicalizeValues = ["none", "forward", "forwardAndReverse", "true", "false"];
    private static readonly string[] OidcEnvironments = ["test", "azure", "gcp", "k8s"];

    public static MongoCredential? Build(
        string? username,
        string? password,
        string? database,
        string? authSource,
        string? mechanism,
        Dictionary<string, string>? properties)
    {
        if (authSource is { Length: 0 })
        {
            throw Invalid("authSource must not be empty.");
        }

        if (mechanism is null && username is null)
        {
            return null;
        }

        switch (mechanism)
        {
            case null or "SCRAM-SHA-1" or "SCRAM-SHA-256":
                RequireUsername(username, mechanism ?? "default");
                if (password is null)
                {
                    throw Invalid($"The {mechanism ?? "default"} mechanism requires a password.");
                }

                ForbidProperties(properties, mechanism ?? "default");
                return new MongoCredential(username, password, authSource ?? database ?? "admin", mechanism, null);

            case "PLAIN":
                RequireUsername(username, mechanism);
                if (password is null)
                {
                    throw Invalid("PLAIN requires a password.");
                }

                ForbidProperties(properties, mechanism);
                return new MongoCredential(username, password, authSource ?? database ?? "$external", mechanism, null);

            case "GSSAPI":
                RequireUsername(username, mechanism);
                RequireExternal(authSource, mechanism);
                var gssapi = new Dictionary<string, string>(properties ?? [], StringComparer.Ordinal);
                gssapi.TryAdd("SERVICE_NAME", "mongodb");
                foreach (var key in gssapi.Keys)
                {
                    if (key is not ("SERVICE_NAME" or "CANONICALIZE_HOST_NAME" or "SERVICE_REALM" or "SERVICE_HOST"))
                    {
                        throw Invalid($"Unknown GSSAPI property '{key}'.");
                    }
                }

                if (gssapi.TryGetValue("CANONICALIZE_HOST_NAME", out var canonicalize) && !CanonicalizeValues.Contains(canonicalize, StringComparer.Ordinal))
                {
                    throw Invalid($"Invalid CANONICALIZE_HOST_NAME '{canonicalize}'.");
                }

                return new MongoCredential(username, password, "$external", mechanism, gssapi);

            case "MONGODB-X509":
                if (password is not null)
                {
                    throw Invalid("MONGODB-X509 does not take a password.");
                }

                RequireExternal(authSource, mechanism);
                ForbidProperties(properties, mechanism);
                return new MongoCredential(username, null, "$external", mechanism, null);

            case "MONGODB-AWS":
                RequireExternal(authSource, mechanism);
                if ((username is null) != (password is null))
                {
                    throw Invalid("MONGODB-AWS needs both a username and a password, or neither.");
                }

                foreach (var key in (properties ?? []).Keys)
                {
                    if (key != "AWS_SESSION_TOKEN")
                    {
                        throw Invalid($"Unknown MONGODB-AWS property '{key}'.");
                    }
                }

                if (properties?.ContainsKey("AWS_SESSION_TOKEN") == true && username is null)
                {
                    throw Invalid("AWS_SESSION_TOKEN requires a username and password.");
                }

                return new MongoCredential(username, password, "$external", mechanism, properties is { Count: > 0 } ? properties : null);

            case "MONGODB-OIDC":
                return BuildOidc(username, password, authSource, properties);

            default:
                throw Invalid($"Unsupported authMechanism '{mechanism}'.");
        }
    }

    private static MongoCredential BuildOidc(string? username, string? password, string? authSource, Dictionary<string, string>? properties)
    {
        const string Mechanism = "MONGODB-OIDC";
        if (password is not null)
        {
            throw Invalid("MONGODB-OIDC does not take a password.");
        }

        RequireExternal(authSource, Mechanism);
        properties ??= [];
        foreach (var key in properties.Keys)
        {
            if (key is not ("ENVIRONMENT" or "TOKEN_RESOURCE"))
            {
                throw Invalid($"Unsupported MONGODB-OIDC property '{key}' in a connection string.");
            }
        }

        if (!properties.TryGetValue("ENVIRONMENT", out var environment))
        {
            throw Invalid("MONGODB-OIDC needs an ENVIRONMENT property (callbacks are not supported).");
        }

        if (!OidcEnvironments.Contains(environment, StringComparer.Ordinal))
        {
            throw Invalid($"Unsupported MONGODB-OIDC ENVIRONMENT '{environment}'.");
        }

        var needsResource = environment is "azure" or "gcp";
        if (needsResource != properties.ContainsKey("TOKEN_RESOURCE"))
        {
            throw Invalid($"TOKEN_RESOURCE is required for azure and gcp and not allowed for {environment}.");
        }

        if (environment == "test" && username is not null)
        {
            throw Invalid("MONGODB-OIDC with ENVIRONMENT:test does not take a username.");
        }

        return new MongoCredential(username, null, "$external", Mechanism, properties);
    }

    private static void RequireUsername(string? username, string mechanism)
    {
        if (string.IsNullOrEmpty(username))
        {
            throw Invalid($"The {mechanism} mechanism requires a non-empty username.");
        }
    }

    private static void RequireExternal(string? authSource, string mechanism)
    {
        if (authSource is not null && authSource != "$external")
        {
            throw Invalid($"{mechanism} only authenticates against $external, not '{authSource}'.");
        }
    }

    private static void ForbidProperties(Dictionary<string, string>? properties, string mechanism)
    {
        if (properties is { Count: > 0 })
        {
            throw Invalid($"The {mechanism} mechanism takes no authMechanismProperties.");
        }
    }

    private static MongoConfigurationException Invalid(string message) => new("Invalid credentials: " + message);
}
