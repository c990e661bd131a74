using System.Reflection;
using Pipeline.Mongo.Tests.Harness;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Tests;

namespace Pipeline.Mongo.Tests.Integration;

/// <summary>
/// Every test of the shared <see cref="DocumentStoreContractTests"/> suite, run against <see cref="MongoDocumentStore"/>
/// on the server in MONGODB_URL (one case per contract test and data row; each store gets fresh collections).
/// Without MONGODB_URL every case is reported as skipped, with the reason.
/// </summary>
public sealed class MongoStoreContractTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var method in ContractMethods())
        {
            var rows = method.GetCustomAttributes<InlineDataAttribute>().Count();
            if (rows == 0)
            {
                data.Add(method.Name, -1);
            }

            for (var i = 0; i < rows; i++)
            {
                data.Add(method.Name, i);
            }
        }

        return data;
    }

    [Fact]
    public void Every_contract_test_is_offered_to_MongoDB() =>
        Assert.True(Cases().Count >= ContractMethods().Count() && ContractMethods().Any(), "the contract suite was not found");

    [MongoDbTheory]
    [MemberData(nameof(Cases))]
    public async Task Contract_holds_on_MongoDB(string test, int row)
    {
        await using var suite = new Suite(MongoDbFactAttribute.Url);
        await RunAsync(suite, test, row);
    }

    /// <summary>
    /// The same suite end to end through the client against <see cref="MiniMongo"/>, an emulation of the few server
    /// features the store uses: it checks the adapter's logic and plumbing, not MongoDB's semantics.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Contract_holds_through_the_client_on_an_emulated_server(string test, int row)
    {
        var emulator = new MiniMongo();
        await using var server = new FakeMongoServer(emulator.Handle);
        await using var suite = new Suite($"mongodb://{server.Address}/?serverSelectionTimeoutMS=3000");
        await RunAsync(suite, test, row);
    }

    private static async Task RunAsync(Suite suite, string test, int row)
    {
        var method = ContractMethods().Single(m => m.Name == test);
        var arguments = row < 0 ? [] : method.GetCustomAttributes<InlineDataAttribute>().ElementAt(row).GetData(method).Single();
        try
        {
            await (Task)method.Invoke(suite, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    private static IEnumerable<MethodInfo> ContractMethods() =>
        typeof(DocumentStoreContractTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null && m.ReturnType == typeof(Task))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    private sealed class Suite(string connectionString) : DocumentStoreContractTests, IAsyncDisposable
    {
        private readonly List<(MongoClient Client, MongoStoreOptions Options)> _created = [];

        protected override async Task<IDocumentStore> CreateStoreAsync()
        {
            var options = new MongoStoreOptions
            {
                ConnectionString = connectionString,
                Database = "pipeline_contract_tests",
                Collection = $"docs_{Guid.NewGuid():N}",
            };
            var client = new MongoClient(options.ConnectionString);
            _created.Add((client, options));
            var store = new MongoDocumentStore(client, options);
            await store.InitializeAsync(default);
            return store;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (client, options) in _created)
            {
                var database = client.GetDatabase(options.Database);
                foreach (var suffix in new[] { string.Empty, ".duplicates", ".crawls", ".fetchState" })
                {
                    await database.DropCollectionAsync(options.Collection + suffix);
                }

                await client.DisposeAsync();
            }
        }
    }
}
