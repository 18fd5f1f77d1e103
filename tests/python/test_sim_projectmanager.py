"""ProjectManager: projects, folders, databases, export/import/archive, cloud projects."""

import json
import os

from tests.python import simkit


class ProjectManagerTest(simkit.SimTestCase):
    def test_default_state(self):
        self.assertEqual(self.project.GetName(), "Untitled Project")
        self.assertEqual(self.pm.GetProjectListInCurrentFolder(), [])
        self.assertEqual(self.pm.GetCurrentDatabase(),
                         {"DbType": "Disk", "DbName": "Local Database"})
        self.assertEqual(self.pm.GetDatabaseList(),
                         [{"DbType": "Disk", "DbName": "Local Database"}])
        self.assertFalse(self.pm.SaveProject())  # never-saved Untitled Project

    def test_create_load_save_close_delete(self):
        pm = self.pm
        a = pm.CreateProject("A")
        self.assertEqual(a.GetName(), "A")
        self.assertIsNone(pm.CreateProject("A"))
        self.assertIsNone(pm.CreateProject(""))
        self.assertEqual(pm.GetCurrentProject(), a)
        a.GetMediaPool().CreateEmptyTimeline("Saved TL")
        self.assertTrue(pm.SaveProject())
        a.GetMediaPool().CreateEmptyTimeline("Unsaved TL")
        self.assertFalse(pm.DeleteProject("A"))  # loaded
        self.assertTrue(pm.CloseProject(a))  # discards the unsaved timeline
        self.assertEqual(pm.GetCurrentProject().GetName(), "Untitled Project")
        self.assertIsNone(a.GetName())  # measured: calls on a dead handle answer None
        b = pm.LoadProject("A")
        self.assertEqual(b.GetTimelineCount(), 1)
        self.assertEqual(b.GetTimelineByIndex(1).GetName(), "Saved TL")
        self.assertIsNone(pm.LoadProject("Nope"))
        c = pm.CreateProject("C", self.tmp)
        self.assertEqual(c.GetSetting("projectMediaLocation"), self.tmp)
        # switching projects saves the one being left
        c.GetMediaPool().CreateEmptyTimeline("C1")
        pm.LoadProject("A")
        self.assertEqual(pm.LoadProject("C").GetTimelineCount(), 1)
        self.assertFalse(pm.DeleteProject("A"))  # was current; LoadProject-away keeps it held
        self.assertTrue(pm.CloseProject(pm.LoadProject("A")))
        self.assertTrue(pm.DeleteProject("A"))
        self.assertEqual(pm.GetProjectListInCurrentFolder(), ["C"])
        self.assertFalse(pm.CloseProject(None))

    def test_rename_unique(self):
        self.pm.CreateProject("One")
        two = self.pm.CreateProject("Two")
        self.assertFalse(two.SetName("One"))
        self.assertTrue(two.SetName("Deux"))
        self.assertEqual(sorted(self.pm.GetProjectListInCurrentFolder()), ["Deux", "One"])
        attrs = self.pm.GetProjectAttributesInCurrentFolder()
        self.assertEqual(set(attrs["Deux"]), {"lastModifiedDate", "creationDate", "notes",
                                              "liveCollaborationMode"})

    def test_folders(self):
        pm = self.pm
        self.assertTrue(pm.CreateFolder("Jobs"))
        self.assertFalse(pm.CreateFolder("Jobs"))
        self.assertEqual(pm.GetFolderListInCurrentFolder(), ["Jobs"])
        self.assertFalse(pm.GotoParentFolder())
        self.assertTrue(pm.OpenFolder("Jobs"))
        self.assertEqual(pm.GetCurrentFolder(), "Jobs")
        self.assertFalse(pm.OpenFolder("Nope"))
        pm.CreateProject("Inside")
        self.assertEqual(pm.GetProjectListInCurrentFolder(), ["Inside"])
        self.assertTrue(pm.GotoParentFolder())
        self.assertEqual(pm.GetProjectListInCurrentFolder(), [])
        self.assertFalse(pm.DeleteFolder("Jobs"))  # holds the loaded project
        pm.CloseProject(pm.GetCurrentProject())
        self.assertTrue(pm.DeleteFolder("Jobs"))
        self.assertFalse(pm.DeleteFolder("Jobs"))
        self.assertTrue(pm.GotoRootFolder())

    def test_export_import_archive_restore(self):
        pm = self.pm
        p = pm.CreateProject("Show")
        p.GetMediaPool().CreateEmptyTimeline("Reel 1")
        drp = self.path("show.drp")
        self.assertTrue(pm.ExportProject("Show", drp))
        with open(drp) as fh:
            self.assertEqual(json.load(fh)["kind"], "drp")
        self.assertFalse(pm.ExportProject("Nope", self.path("n.drp")))
        self.assertFalse(pm.ImportProject(drp))  # name exists
        self.assertTrue(pm.ImportProject(drp, "Show Copy"))
        self.assertTrue(pm.ImportProject(drp, "Show Copy 2"))
        self.assertFalse(pm.ImportProject(self.path("missing.drp")))
        copy = pm.LoadProject("Show Copy")
        self.assertEqual(copy.GetTimelineByIndex(1).GetName(), "Reel 1")
        self.assertNotEqual(copy.GetUniqueId(), p.GetUniqueId())
        dra = self.path("show.dra")
        self.assertTrue(pm.ArchiveProject("Show", dra, True, False, False))
        self.assertTrue(os.path.isfile(dra))
        self.assertFalse(pm.RestoreProject(drp, "Wrong kind"))
        self.assertTrue(pm.RestoreProject(dra, "Restored"))
        self.assertEqual(pm.LoadProject("Restored").GetTimelineCount(), 1)

    def test_databases(self):
        self.pm.CreateProject("X")
        self.assertFalse(self.pm.SetCurrentDatabase({"DbType": "Disk", "DbName": "Other"}))
        self.assertFalse(self.pm.SetCurrentDatabase({"DbName": "Local Database"}))
        self.assertTrue(self.pm.SetCurrentDatabase({"DbType": "Disk",
                                                    "DbName": "Local Database"}))
        self.assertEqual(self.pm.GetCurrentProject().GetName(), "Untitled Project")
        self.assertIn("X", self.pm.GetProjectListInCurrentFolder())

    def test_cloud_projects(self):
        r = self.resolve
        settings = {r.CLOUD_SETTING_PROJECT_NAME: "Cloudy",
                    r.CLOUD_SETTING_PROJECT_MEDIA_PATH: self.tmp,
                    r.CLOUD_SETTING_SYNC_MODE: r.CLOUD_SYNC_PROXY_AND_ORIG}
        self.assertIsNone(self.pm.CreateCloudProject({r.CLOUD_SETTING_PROJECT_NAME: "x"}))
        project = self.pm.CreateCloudProject(settings)
        self.assertEqual(project.GetName(), "Cloudy")
        self.assertIsNone(self.pm.CreateCloudProject(settings))
        self.pm.CreateProject("Local")
        self.assertEqual(self.pm.LoadCloudProject(settings).GetName(), "Cloudy")
        named = dict(settings)
        named[r.CLOUD_SETTING_PROJECT_NAME] = "Local"
        self.assertIsNone(self.pm.LoadCloudProject(named))
        drp = self.path("c.drp")
        self.pm.ExportProject("Local", drp)
        named[r.CLOUD_SETTING_PROJECT_NAME] = "Imported Cloud"
        self.assertTrue(self.pm.ImportCloudProject(drp, named))
        self.assertFalse(self.pm.ImportCloudProject(drp, {}))
        named[r.CLOUD_SETTING_PROJECT_NAME] = "Restored Cloud"
        self.assertTrue(self.pm.RestoreCloudProject(self.tmp, named))
        self.assertIn("Restored Cloud", self.pm.GetProjectListInCurrentFolder())
