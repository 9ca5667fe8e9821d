@{
    RootModule           = 'TrackerPS.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'bd1b066f-e7a1-45bc-b5c3-042eed36b0ea'
    Author               = 'TrackerPS contributors'
    CompanyName          = 'TrackerPS contributors'
    Copyright            = 'Copyright (c) 2026 TrackerPS contributors. MIT License.'
    Description          = 'Inspect BitTorrent .torrent files (v1, v2 and hybrid), compute info-hashes, and query HTTP and UDP trackers.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'

    # Loaded before RootModule so Windows PowerShell and PowerShell 7 both find the core assembly next to the cmdlets.
    RequiredAssemblies   = @('TrackerPS.Core.dll')
    TypesToProcess       = @('TrackerPS.Types.ps1xml')
    FormatsToProcess     = @('TrackerPS.Format.ps1xml')

    CmdletsToExport      = @(
        'ConvertFrom-Bencode',
        'ConvertFrom-MagnetUri',
        'ConvertTo-Bencode',
        'ConvertTo-MagnetUri',
        'Edit-Torrent',
        'Get-TorrentInfo',
        'Get-TorrentInfoHash',
        'Get-TorrentMetadata',
        'Invoke-TrackerAnnounce',
        'Invoke-TrackerScrape',
        'Test-TorrentPeer',
        'New-Torrent',
        'Test-Torrent'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('BitTorrent', 'Torrent', 'Metainfo', 'InfoHash', 'Tracker', 'Bencode', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/TrackerPS/TrackerPS/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/TrackerPS/TrackerPS'
            ReleaseNotes = '0.1.0: Get-TorrentInfo (BEP 3, 12, 17, 19, 27, 47, 52 metainfo) and Get-TorrentInfoHash (v1, v2 and hybrid info-hashes, hex or base32).'
        }
    }
}
