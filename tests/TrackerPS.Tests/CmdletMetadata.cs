using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TrackerPS.Tests
{
    /// <summary>
    /// The cmdlets of the laid-out TrackerPS.dll as PowerShell would see them, read from their attributes with a
    /// <see cref="MetadataLoadContext"/> (no PowerShell needed). Read once; the context is disposed afterwards.
    /// </summary>
    internal static class CmdletMetadata
    {
        public const string AllParameterSets = "__AllParameterSets";

        private const string AutomationNamespace = "System.Management.Automation.";
        private static readonly Lazy<ModuleModel> s_module = new Lazy<ModuleModel>(Load);

        public static IReadOnlyList<CmdletModel> Cmdlets => s_module.Value.Cmdlets;

        /// <summary>Full names of every public type in TrackerPS.dll and TrackerPS.Core.dll, mapped to their public instance property names.</summary>
        public static IReadOnlyDictionary<string, string[]> PublicTypes => s_module.Value.PublicTypes;

        /// <summary>Full names of every public type, mapped to the names of their public instance properties whose type is an array.</summary>
        public static IReadOnlyDictionary<string, string[]> ArrayProperties => s_module.Value.ArrayProperties;

        /// <summary>Full names of every public type, mapped to the names of their public static methods.</summary>
        public static IReadOnlyDictionary<string, string[]> StaticMethods => s_module.Value.StaticMethods;

        private static ModuleModel Load()
        {
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").ToList();
            paths.Add(ModulePaths.PowerShellStandardLibrary);
            paths.Add(ModulePaths.CmdletAssembly);
            paths.Add(ModulePaths.CoreAssembly);
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Assembly cmdlets = context.LoadFromAssemblyPath(ModulePaths.CmdletAssembly);
            Assembly core = context.LoadFromAssemblyPath(ModulePaths.CoreAssembly);

            var models = cmdlets.GetTypes()
                .Select(t => (Type: t, Cmdlet: Attribute(t, "CmdletAttribute")))
                .Where(x => x.Cmdlet is not null)
                .Select(x => ReadCmdlet(x.Type, x.Cmdlet!))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
            var exported = cmdlets.GetExportedTypes().Concat(core.GetExportedTypes()).ToList();
            var types = exported.ToDictionary(
                t => t.FullName!,
                t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray());
            var arrays = exported.ToDictionary(
                t => t.FullName!,
                t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType.IsArray).Select(p => p.Name).ToArray());
            var methods = exported.ToDictionary(
                t => t.FullName!,
                t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).ToArray());
            return new ModuleModel(models, types, arrays, methods);
        }

        private static CmdletModel ReadCmdlet(Type type, CustomAttributeData cmdlet)
        {
            string verb = (string)cmdlet.ConstructorArguments[0].Value!;
            string noun = (string)cmdlet.ConstructorArguments[1].Value!;
            string? defaultSet = Named<string>(cmdlet, "DefaultParameterSetName");
            string[] outputTypes = type.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == AutomationNamespace + "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(OutputTypeNames)
                .ToArray();
            var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(ReadParameter)
                .Where(p => p is not null)
                .Select(p => p!)
                .ToList();
            if (Named<bool>(cmdlet, "SupportsShouldProcess"))
            {
                // PowerShell adds these two for SupportsShouldProcess; help documents them like any other parameter.
                parameters.Add(ShouldProcessSwitch("WhatIf", "wi"));
                parameters.Add(ShouldProcessSwitch("Confirm", "cf"));
            }

            return new CmdletModel($"{verb}-{noun}", type.Name, type.IsSealed, defaultSet, outputTypes, parameters);
        }

        private static IEnumerable<string> OutputTypeNames(CustomAttributeTypedArgument argument)
        {
            // [OutputType(typeof(X))] is a Type[] params argument; [OutputType("X")] a string[] one.
            var values = (IEnumerable<CustomAttributeTypedArgument>)argument.Value!;
            return values.Select(v => v.Value is Type t ? t.FullName! : (string)v.Value!);
        }

        private static ParameterModel? ReadParameter(PropertyInfo property)
        {
            var attributes = property.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == AutomationNamespace + "ParameterAttribute")
                .ToList();
            if (attributes.Count == 0)
            {
                return null;
            }

            var sets = attributes.Select(a => new ParameterSetModel(
                Named<string>(a, "ParameterSetName") ?? AllParameterSets,
                Named<bool>(a, "Mandatory"),
                Named<int?>(a, "Position"),
                Named<bool>(a, "ValueFromPipeline"),
                Named<bool>(a, "ValueFromPipelineByPropertyName"))).ToList();
            string[] aliases = property.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == AutomationNamespace + "AliasAttribute")
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(v => (string)v.Value!)
                .ToArray();
            bool wildcards = property.GetCustomAttributesData()
                .Any(a => a.AttributeType.FullName == AutomationNamespace + "SupportsWildcardsAttribute");
            // Help shows a nullable parameter (uint? Key) by its underlying type, as PowerShell does.
            Type type = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition().FullName == "System.Nullable`1"
                ? property.PropertyType.GetGenericArguments()[0]
                : property.PropertyType;
            return new ParameterModel(property.Name, type.Name, type.FullName!, aliases, wildcards, sets);
        }

        private static ParameterModel ShouldProcessSwitch(string name, string alias) => new ParameterModel(
            name,
            "SwitchParameter",
            "System.Management.Automation.SwitchParameter",
            new[] { alias },
            false,
            new[] { new ParameterSetModel(AllParameterSets, false, null, false, false) });

        private static CustomAttributeData? Attribute(Type type, string name) =>
            type.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == AutomationNamespace + name);

        private static T? Named<T>(CustomAttributeData attribute, string name)
        {
            foreach (CustomAttributeNamedArgument argument in attribute.NamedArguments)
            {
                if (argument.MemberName == name)
                {
                    return (T)argument.TypedValue.Value!;
                }
            }

            return default;
        }

        private sealed record ModuleModel(
            IReadOnlyList<CmdletModel> Cmdlets,
            IReadOnlyDictionary<string, string[]> PublicTypes,
            IReadOnlyDictionary<string, string[]> ArrayProperties,
            IReadOnlyDictionary<string, string[]> StaticMethods);
    }

    /// <summary>A cmdlet class: its Verb-Noun name, class name, default set, [OutputType] full names and parameters.</summary>
    internal sealed record CmdletModel(
        string Name,
        string ClassName,
        bool IsSealed,
        string? DefaultParameterSet,
        string[] OutputTypes,
        IReadOnlyList<ParameterModel> Parameters)
    {
        /// <summary>Parameter set name → the parameters in it (a parameter without a set name is in every set).</summary>
        public IReadOnlyDictionary<string, string[]> ParameterSets
        {
            get
            {
                var named = Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Where(n => n != CmdletMetadata.AllParameterSets).Distinct().ToList();
                if (named.Count == 0)
                {
                    named.Add(CmdletMetadata.AllParameterSets);
                }

                return named.ToDictionary(
                    set => set,
                    set => Parameters.Where(p => p.Sets.Any(s => s.Name == set || s.Name == CmdletMetadata.AllParameterSets)).Select(p => p.Name).ToArray());
            }
        }

        public override string ToString() => Name;
    }

    /// <summary>A [Parameter] property; <see cref="TypeName"/> is the short name PowerShell help shows (<c>String[]</c>).</summary>
    internal sealed record ParameterModel(string Name, string TypeName, string TypeFullName, string[] Aliases, bool SupportsWildcards, IReadOnlyList<ParameterSetModel> Sets)
    {
        public bool ByValue => Sets.Any(s => s.ValueFromPipeline);

        public bool ByPropertyName => Sets.Any(s => s.ValueFromPipelineByPropertyName);
    }

    /// <summary>One [Parameter] attribute of a property; <see cref="Position"/> is null when named.</summary>
    internal sealed record ParameterSetModel(string Name, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);
}
