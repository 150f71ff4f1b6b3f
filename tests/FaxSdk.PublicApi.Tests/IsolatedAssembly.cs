using System.Reflection;
using System.Runtime.Loader;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// Runs code on an assembly image written to a temporary folder and loaded into its own collectible load context,
/// so that a modified copy of a package loads beside the original. PublicApiGenerator reads the file at
/// <see cref="Assembly.Location"/>, so the image must be on disk.
/// </summary>
internal static class IsolatedAssembly
{
    public static T Use<T>(string assemblyName, Action<Stream> writeImage, Func<Assembly, T> use)
    {
        var folder = Directory.CreateTempSubdirectory("faxsdk-api-");
        var context = new AssemblyLoadContext(folder.Name, isCollectible: true);
        try
        {
            var path = Path.Combine(folder.FullName, assemblyName + ".dll");
            using (var file = File.Create(path))
            {
                writeImage(file);
            }

            return use(context.LoadFromAssemblyPath(path));
        }
        finally
        {
            context.Unload();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (UnauthorizedAccessException)
            {
                // Windows keeps a loaded image locked until the context is collected: the temporary folder stays.
            }
        }
    }
}
