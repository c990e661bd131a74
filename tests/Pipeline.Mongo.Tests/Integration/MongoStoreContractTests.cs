using Pipeline.Tests.Shared;
using System.Reflection;
using MongoDB.Driver;
using Pipeline.Storage;
using Pipeline.Storage.Mongo;
using Pipeline.Storage.Tests;

namespace Pipeline.Mongo.Tests.Integration;

/// <summary>
/// Every test of the shared <see cref="DocumentStoreContractTests"/> suite, run against <see cref="MongoDocumentStore"/>
/// on a real server (<see cref="MongoServerFixture"/>) (one case per contract test and data row; each store gets fresh collections).
/// Without a server every case is reported as skipped, with the reason.
/// </summary>
[Collection(MongoServerCollection.Name)]
public sealed class MongoStoreContractTests(MongoServerFixture server)
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
        await using var suite = new Suite(server.ConnectionString);
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
                foreach (var suffix in new[] { string.Empty, ".duplicates", ".crawls", ".fetchState", ".outcomes", ".crawlRuns", ".templateSites", ".templateLines", ".templateDocuments" })
                {
                    await database.DropCollectionAsync(options.Collection + suffix);
                }

                client.Dispose();
            }
        }
    }
}
