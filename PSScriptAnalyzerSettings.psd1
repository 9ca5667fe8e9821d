# PSScriptAnalyzer settings for build.ps1, the module manifest and the Pester suite (./build.ps1 -Task Analyze).
@{
    Severity     = @('Error', 'Warning')

    ExcludeRules = @(
        # Pester 5 assigns variables in BeforeDiscovery/BeforeAll that -ForEach and It blocks read; the rule cannot
        # see across those script blocks and reports every one of them.
        'PSUseDeclaredVarsMoreThanAssignments'
    )

    Rules        = @{
        # The module supports Windows PowerShell 5.1 and PowerShell 7; so must the scripts that ship beside it.
        PSUseCompatibleSyntax = @{
            Enable         = $true
            TargetVersions = @('5.1', '7.0')
        }
    }
}
